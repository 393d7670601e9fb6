/**
 * The ingest review sheet: per new or changed article, what a reviewer must check — its title and
 * where it came from, the date and its evidence (or why there is none), the source, the names found,
 * the lines removed as furniture, the warnings and the names the gazetteer does not know. Built as an
 * mdast tree and serialized by mdast-util-to-markdown, so text from a pull request stays text in a
 * job summary (no injected links, images or HTML).
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { IngestResult } from '../pipeline/index';

/** One reviewed seed: where it is and what ingest made of it. */
export interface ReviewedSeed {
  /** Path as the reviewer knows it, e.g. `seeds/005_x.txt`. */
  seedPath: string;
  result: IngestResult;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
/** A bold label followed by a space (outside the bold, so the serializer need not escape it). */
const label = (value: string): PhrasingContent[] => [{ type: 'strong', children: [text(value)] }, text(' ')];
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const item = (...children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(...children)] });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });

/** Markdown for the whole sheet; an empty change set says so. */
export function renderReviewSheet(seeds: readonly ReviewedSeed[]): string {
  const children: RootContent[] = [{ type: 'heading', depth: 2, children: [text('Ingest review sheet')] }];
  if (seeds.length === 0) {
    children.push(paragraph(text('No seed was added or changed.')));
  } else {
    const failed = seeds.filter((seed) => seed.result.article === null).length;
    children.push(paragraph(text(`${seeds.length} new or changed seed${seeds.length === 1 ? '' : 's'}${failed > 0 ? `, ${failed} not converted` : ''}.`)));
    for (const seed of seeds) children.push(...seedSection(seed));
  }
  return toMarkdown({ type: 'root', children } satisfies Root, { bullet: '-', fences: true });
}

function seedSection({ seedPath, result }: ReviewedSeed): RootContent[] {
  const article = result.article;
  const messages = [...result.messages, ...result.sidecarMessages];
  const heading: RootContent = { type: 'heading', depth: 3, children: article ? [text(article.title)] : [text(`${seedPath} — not converted`)] };
  const facts: ListItem[] = [item(...label('Seed:'), code(seedPath), ...(article ? [text(' → '), code(`content/articles/${article.slug}.mdx`)] : []))];
  if (article) {
    const titleFrom = { headline: 'the headline line', derived: 'derived from the lead (no convincing headline)', editor: 'set in the sidecar' }[article.titleSource];
    facts.push(item(...label('Title:'), text(`${titleFrom}.`)));
    const dateReason = messages.find((m) => m.ruleId === 'missing-date' || m.ruleId === 'conflicting-dates');
    const override = article.provenance.overrides.find((o) => o.field === 'published');
    facts.push(
      article.published
        ? item(...label('Date:'), text(`${article.published} (${article.publishedPrecision}), `), ...(override ? [text(`set in the sidecar: ${override.reason}`)] : article.publishedEvidence ? [text('from '), code(article.publishedEvidence)] : [text('no evidence recorded')]))
        : item(...label('Date:'), text(dateReason ? `none — see the ${dateReason.ruleId} warning below` : 'none')),
    );
    facts.push(item(...label('Source:'), text(article.source ? `${article.source.en} (${article.source.ar})` : 'none')));
    facts.push(item(...label('Names:'), text(`${article.people.length} people, ${article.places.length} places, ${article.organizations.length} organizations`)));
  }
  const sections: RootContent[] = [heading, list(facts)];

  const removed = article?.provenance.removed.filter((line) => line.rule !== 'headline') ?? [];
  if (removed.length > 0) {
    sections.push(paragraph(strong(`Removed as furniture (${removed.length}):`)));
    sections.push(list(removed.map((line) => item(text(`line ${line.line} `), code(line.text.trim() || ' '), text(` — ${line.rule}${line.field ? ` → ${line.field}` : ''}`)))));
  }
  if (messages.length > 0) {
    sections.push(paragraph(strong(`Errors and warnings (${messages.length}):`)));
    sections.push(list(messages.map((m) => item(text(`${m.fatal ? 'error' : 'warning'} `), code(m.ruleId), text(`${m.line === undefined ? '' : ` (line ${m.line})`}: ${m.reason}`)))));
  }
  if (result.candidates.length > 0) {
    sections.push(paragraph(strong('Names the gazetteer does not know:')));
    sections.push(list(result.candidates.map((c) => item(code(c.name), text(` on line ${c.line}, after «${c.roleWord}»`)))));
  }
  return sections;
}
