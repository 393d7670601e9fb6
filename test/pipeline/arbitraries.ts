/** fast-check generators of seed text full of syntax that must stay literal. */
import fc from 'fast-check';

const TRICKY = [
  '{', '}', '{a}', '{ 1 + 1 }', '<', '>', '</', '<script>alert(1)</script>', '<Component />', '<Entity id="x">',
  'import x from "y"', 'export const a = 1', 'export default {}', 'import', 'export', '<!-- c -->', '-->',
  '#', '##', '*', '**', '_', '__', '>', '-', '- ', '+ ', '1.', '1)', '`', '```', '~', '~~', '~~~', '[a](b)', '![i](u)', '[^1]',
  '&amp;', '&#x41;', '&', '\\', '|', '|---|', '***', '===', '---', 'https://x.org', 'www.x.org', '<https://x.org>',
  '"', '“', '”', '«', '»', '–', '—', ':', '؟', '.', '،', 'قال', 'طاجيكستان', 'منظمة', 'واط', 'CSTO', '2021', '\t', '  ',
];
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
);
/** One line of tricky text. */
export const line = fc.array(token, { minLength: 1, maxLength: 10 }).chain((tokens) =>
  fc.array(fc.constantFrom('', ' ', ' '), { minLength: tokens.length, maxLength: tokens.length }).map((gaps) => tokens.map((t, i) => t + gaps[i]).join('')),
);
/** A seed: lines of tricky text, ending in a plain sentence so there is always a body. */
export const seedText = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => [...lines, 'قال المتحدث إن الاجتماع انتهى.'].join('\n'));

