import { describe, expect, it } from 'vitest';
import { articleTextOfMdx, collapsedText, storedArticleText } from '../../src/site/article-text';
import { buildMentionIndex } from '../../src/site/snippets';

const plain = (body: string) => collapsedText(articleTextOfMdx(body).text);

describe('the plain text of an article body', () => {
  it('keeps the text inside entity and quote elements, without the tags', () => {
    expect(plain('قال <Entity id="emomali-rahmon">رحمون</Entity> إن <Quote>“الأمن”</Quote> أولاً.')).toBe('قال رحمون إن “الأمن” أولاً.');
  });

  it('never glues the words of adjacent blocks together', () => {
    expect(plain('## عنوان\n\nفقرة أولى\n\n<Question>\n– سؤال؟\n</Question>\n\n<Answer>\n– جواب.\n</Answer>')).toBe('عنوان فقرة أولى – سؤال؟ – جواب.');
  });

  it('unescapes what MDX escapes and decodes character references', () => {
    expect(plain('نص \\{أقواس}.')).toBe('نص {أقواس}.');
    expect(plain('a &#x3C;b&#x3E; &amp; &#123;')).toBe('a <b> & {');
  });

  it('knows where each mention is; every block is set off by one space, the start and end included', () => {
    const { text, mentions } = articleTextOfMdx('\nقال <Entity id="stanislav-zas">ستانيسلاف زاس</Entity> إن <Quote>"الوضع \\{صعب}"</Quote>.\n\n## عنوان\n\n<Question>\n– سؤال؟\n</Question>\n');
    expect(text).toBe(' قال ستانيسلاف زاس إن "الوضع {صعب}". عنوان – سؤال؟ ');
    expect(mentions).toEqual([{ entityId: 'stanislav-zas', start: 5, end: 18 }]);
    expect(text.slice(5, 18)).toBe('ستانيسلاف زاس');
  });

  it('leaves no markup of a paragraph made only of components (written inside an explicit <p>)', () => {
    const body = '\nفقرة أولى.\n\n<p><Entity id="emomali-rahmon">رحمون</Entity> <Quote>“الأمن”</Quote></p>\n\nفقرة أخيرة.\n';
    const { text, mentions } = articleTextOfMdx(body);
    expect(text).toBe(' فقرة أولى. رحمون “الأمن” فقرة أخيرة. ');
    const snippet = buildMentionIndex([{ slug: 'a', text, mentions }]).get('emomali-rahmon')!.get('a')!;
    expect(snippet).toEqual({ before: 'فقرة أولى. ', mention: 'رحمون', after: ' “الأمن” فقرة أخيرة.' });
    expect(`${snippet.before}${snippet.mention}${snippet.after}`).not.toMatch(/[<>]/);
  });

  it('refuses MDX the renderer cannot parse, as the build does', () => {
    expect(() => articleTextOfMdx('نص <Entity id="x">مكسور')).toThrow();
  });
});

describe('the text kept in the content store', () => {
  it('is read back from the rendered entry', () => {
    const kept = { text: ' نص ', mentions: [{ entityId: 'x', start: 1, end: 3 }] };
    expect(storedArticleText({ id: 'a', rendered: { metadata: { headings: [], ...kept } } })).toEqual(kept);
  });

  it('is required: an entry without it names itself', () => {
    expect(() => storedArticleText({ id: 'a-slug', rendered: { metadata: {} } })).toThrow(/a-slug/);
  });
});
