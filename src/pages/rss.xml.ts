/** RSS feed of the newest articles. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { ar } from '../i18n/ar';
import { getSiteData } from '../site/data';
import { siteUrl as absoluteSite } from '../settings';
import { absoluteUrl, articlePath } from '../site/urls';

export const GET: APIRoute = async ({ site }) => {
  const { index, articles } = await getSiteData();
  const siteUrl = absoluteSite(site);
  const base = import.meta.env.BASE_URL;
  return rss({
    title: ar.siteName,
    description: ar.siteDescription,
    site: absoluteUrl(siteUrl, base, ''),
    customData: '<language>ar</language>',
    // Undated articles are in the archive but not "news" of any day; the feed lists dated ones.
    items: index.newestFirst
      .filter((card) => card.published !== null)
      .slice(0, 50)
      .map((card) => {
        const data = articles.get(card.slug)!.data;
        return {
          title: card.title,
          description: card.summary,
          link: absoluteUrl(siteUrl, base, articlePath(card.slug)),
          pubDate: new Date(`${card.published}T00:00:00Z`),
          ...(data.category ? { categories: [data.category] } : {}),
        };
      }),
  });
};
