/** The texts of every data export for this build, computed once from the site data and shared by the endpoints. */
import { ar } from '../i18n/ar';
import { siteUrl } from '../settings';
import { collapsedText, storedArticleText } from './article-text';
import { getSiteData } from './data';
import { articleMetadata, articlesCsv, articlesJson, articlesJsonl, citationCff, dataPackage, entitiesJson } from './exports';
import { absoluteUrl, articlePath, entityPath, seedPath } from './urls';

/** Every export as text, by its site path's role. */
export interface ExportTexts {
  articlesJson: string;
  articlesCsv: string;
  articlesJsonl: string;
  entitiesJson: string;
  dataPackage: string;
  citation: string;
}

let cached: Promise<ExportTexts> | undefined;

async function build(site: URL): Promise<ExportTexts> {
  const data = await getSiteData();
  const base = import.meta.env.BASE_URL;
  // Code-unit order by slug: the same in every locale.
  const entries = [...data.articles.values()].sort((a, b) => (a.data.slug < b.data.slug ? -1 : a.data.slug > b.data.slug ? 1 : 0));
  const rows = entries.map((entry) => ({
    metadata: articleMetadata(
      entry.data,
      data.entityIdsByArticle.get(entry.data.slug) ?? [],
      absoluteUrl(site, base, articlePath(entry.data.slug)),
      articlePath(entry.data.slug),
      seedPath(entry.data.provenance.seed),
    ),
    text: collapsedText(storedArticleText(entry).text),
  }));
  const metadata = rows.map((row) => row.metadata);
  const files = {
    articlesJson: articlesJson(metadata),
    articlesCsv: articlesCsv(metadata),
    articlesJsonl: articlesJsonl(rows),
    entitiesJson: entitiesJson(
      [...data.entities.values()],
      (id) => (data.articlesByEntity.get(id) ?? []).map((card) => card.slug),
      (entity) => entityPath(entity.kind, entity.id),
    ),
  };
  const homepage = absoluteUrl(site, base, '');
  return {
    ...files,
    dataPackage: dataPackage({ title: `${ar.siteName} — ${ar.siteTagline}`, description: ar.siteDescription, homepage }, files),
    citation: citationCff({ title: `${ar.siteName} — ${ar.siteTagline}`, abstract: ar.siteDescription, url: homepage, author: ar.siteName }),
  };
}

/** The exports of this build (computed on first use). */
export function getExports(site: URL | undefined): Promise<ExportTexts> {
  cached ??= build(siteUrl(site));
  return cached;
}
