/**
 * Annotate: one paragraph's text → inline pieces (plain text, quoted speech, entity mentions).
 * The pieces concatenate back to exactly the input text: annotation marks, it never rewrites.
 */
import type { EntityMatcher, Mention } from './entities';
import { findQuotes, type QuoteSpan } from '../page/structure';

/** A run of plain text. */
interface TextPiece {
  type: 'text';
  value: string;
}
/** A mention of a gazetteer entity; `value` is the whole word as written, clitics included. */
interface EntityPiece {
  type: 'entity';
  id: string;
  value: string;
}
/** Quoted speech, quote marks included in its text. */
interface QuotePiece {
  type: 'quote';
  children: Array<TextPiece | EntityPiece>;
}
export type Inline = TextPiece | EntityPiece | QuotePiece;

/** Split a paragraph into text, quotes and (when a matcher is given) entity mentions. */
export function annotateText(text: string, matcher?: EntityMatcher): { inlines: Inline[]; mentions: Mention[] } {
  const quotes = findQuotes(text);
  const mentions = withoutQuoteStraddlers(matcher?.find(text) ?? [], quotes);
  const inlines: Inline[] = [];
  let position = 0;
  let mentionIndex = 0;
  // Mentions and quotes are both sorted; one pass over each keeps this linear.
  const emit = (target: Array<TextPiece | EntityPiece>, end: number): void => {
    while (mentionIndex < mentions.length) {
      const mention = mentions[mentionIndex];
      if (!mention || mention.start >= end) break;
      if (mention.start > position) target.push({ type: 'text', value: text.slice(position, mention.start) });
      target.push({ type: 'entity', id: mention.entityId, value: text.slice(mention.start, mention.end) });
      position = mention.end;
      mentionIndex++;
    }
    if (end > position) target.push({ type: 'text', value: text.slice(position, end) });
    position = end;
  };
  for (const quote of quotes) {
    emit(inlines as Array<TextPiece | EntityPiece>, quote.start);
    const children: Array<TextPiece | EntityPiece> = [];
    emit(children, quote.end);
    inlines.push({ type: 'quote', children });
  }
  emit(inlines as Array<TextPiece | EntityPiece>, text.length);
  return { inlines, mentions };
}

/** Drop mentions that straddle a quote mark (they could not nest); both lists are sorted. */
function withoutQuoteStraddlers(mentions: readonly Mention[], quotes: readonly QuoteSpan[]): Mention[] {
  const kept: Mention[] = [];
  let q = 0;
  for (const mention of mentions) {
    while (q < quotes.length && (quotes[q]?.end ?? 0) <= mention.start) q++;
    const quote = quotes[q];
    const straddles =
      quote !== undefined &&
      ((mention.start < quote.start && mention.end > quote.start) || (mention.start < quote.end && mention.end > quote.end));
    if (!straddles) kept.push(mention);
  }
  return kept;
}

/** The text of inline pieces, for checks that annotation lost nothing. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((piece) => (piece.type === 'quote' ? inlineText(piece.children) : piece.value)).join('');
}
