/** Prints the date results for every seed and a few samples, for the fresh-process time-zone test. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractPublicationDate, findDateMentions } from '../../src/pipeline/page/dates';
import { formatGregorianDate, formatHijriDate, weekdayName } from '../../src/arabic/dates-format';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const out: unknown[] = [];
for (const name of readdirSync(seeds).filter((file) => file.endsWith('.txt')).sort()) {
  const lines = readFileSync(seeds + name, 'utf8').split(/\r\n|\r|\n/);
  out.push(name, findDateMentions(lines), extractPublicationDate(lines));
}
const sample = ['اليوم 15 رجب 1446 هـ', '29/02/2024', 'في شعبان 1446هـ'];
out.push(findDateMentions(sample), extractPublicationDate(sample));
for (const iso of ['1900-03-01', '2025-01-29', '2100-12-31']) out.push(formatGregorianDate(iso, 'day'), formatHijriDate(iso), weekdayName(iso));
process.stdout.write(JSON.stringify(out));
