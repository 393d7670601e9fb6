import { describe, expect, it } from 'vitest';
import { mdxToPlainText } from '../../src/search/plain-text';
import { parseArticleFile } from '../../src/search/article-file';

describe('mdxToPlainText', () => {
  it('keeps the text inside entity and quote elements, without the tags', () => {
    expect(mdxToPlainText('قال <Entity id="emomali-rahmon">رحمون</Entity> إن <Quote>“الأمن”</Quote> أولاً.')).toBe(
      'قال رحمون إن “الأمن” أولاً.',
    );
  });
  it('never glues the words of adjacent blocks together', () => {
    expect(mdxToPlainText('## عنوان\n\nفقرة أولى\n\n<Question>\n– سؤال؟\n</Question>\n\n<Answer>\n– جواب.\n</Answer>')).toBe(
      'عنوان فقرة أولى – سؤال؟ – جواب.',
    );
  });
  it('unescapes what MDX escapes', () => {
    expect(mdxToPlainText('نص \\{أقواس}.')).toBe('نص {أقواس}.');
  });
  it('keeps text it cannot parse instead of dropping it', () => {
    expect(mdxToPlainText('نص <Entity id="x">مكسور')).toContain('مكسور');
  });
});

describe('parseArticleFile', () => {
  it('splits YAML frontmatter from the body', () => {
    expect(parseArticleFile('---\nslug: a\n---\n\nنص\n')).toEqual({ data: { slug: 'a' }, body: '\nنص\n' });
  });
  it('returns the whole text as body when there is no frontmatter', () => {
    expect(parseArticleFile('نص')).toEqual({ data: null, body: 'نص' });
  });
});
