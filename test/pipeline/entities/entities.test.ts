import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldArabic } from '../../../src/arabic/normalize';
import { createEntityMatcher, entitySpellings, type Mention } from '../../../src/pipeline/entities/entities';
import { parseGazetteer } from '../../../src/pipeline/entities/gazetteer';
import { isCliticPrefix, isWordChar, phraseKey } from '../../../src/pipeline/entities/phrase-matcher';
import type { Entity, EntityKind } from '../../../src/schema';
import { FOUNDING_SEEDS } from '../../setup/founding-archive';

const root = join(import.meta.dirname, '../../..');

function entity(id: string, kind: EntityKind, name: string, aliases: string[] = [], aliasesEn: string[] = []): Entity {
  return { id, kind, name, nameEn: id.replace(/-/g, ' '), aliases, aliasesEn, description: 'وصف.' };
}

const gazetteer: Entity[] = [
  entity('tajikistan', 'place', 'طاجيكستان', ['طاجيكية']),
  entity('iran', 'place', 'إيران'),
  entity('russia', 'place', 'روسيا', ['روسية', 'الاتحاد الروسي']),
  entity('central-asia', 'place', 'آسيا الوسطى'),
  entity('israel', 'place', 'إسرائيل'),
  entity('united-nations', 'organization', 'الأمم المتحدة'),
  entity('un-security-council', 'organization', 'مجلس الأمن'),
  entity('csto-council', 'organization', 'مجلس الأمن الجماعي'),
  entity('russian-security-council', 'organization', 'مجلس الأمن الروسي'),
  entity('csto', 'organization', 'منظمة معاهدة الأمن الجماعي', [], ['CSTO']),
  entity('nato', 'organization', 'حلف شمال الأطلسي', ['ناتو'], ['NATO']),
  entity('accountability-fund', 'organization', 'صندوق المسؤولية'),
  entity('emomali-rahmon', 'person', 'إمام علي رحمون', ['إمام علي رحمن', 'رحمون']),
];
const matcher = createEntityMatcher(gazetteer);

/** What the matcher found, as the original words and their ids. */
function found(text: string): Array<[string, string]> {
  return matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entityId]);
}

describe('createEntityMatcher: spelling variants', () => {
  it.each([
    ['hamza on alef', 'الامم المتحدة', 'united-nations'],
    ['hamza below alef', 'اسرائيل', 'israel'],
    ['madda', 'اسيا الوسطى', 'central-asia'],
    ['alef maqsura written as ya', 'آسيا الوسطي', 'central-asia'],
    ['ta marbuta written as ha', 'منظمه معاهده الامن الجماعي', 'csto'],
    ['hamza on ya instead of waw', 'صندوق المسئولية', 'accountability-fund'],
    ['tashkeel', 'طَاجِيكِسْتَانُ', 'tajikistan'],
    ['tatweel', 'طاجيكـــستان', 'tajikistan'],
    ['shadda and tatweel together', 'روسـّيا', 'russia'],
  ])('matches across %s', (_label, text, id) => {
    expect(found(`قال ${text} أمس`)).toEqual([[text, id]]);
  });

  it('keeps the tashkeel of the last letter inside the mention', () => {
    const text = 'زار طاجيكستانَ.';
    expect(found(text)).toEqual([['طاجيكستانَ', 'tajikistan']]);
  });

  it('matches Latin aliases case-insensitively as whole words', () => {
    expect(found('CSTO و csto و Csto و NATO-led')).toEqual([
      ['CSTO', 'csto'],
      ['csto', 'csto'],
      ['Csto', 'csto'],
      ['NATO', 'nato'],
    ]);
    expect(found('CSTOs NATOS')).toEqual([]);
  });
});

describe('createEntityMatcher: clitics', () => {
  it.each(['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'فب', 'ول', 'فل', 'وك', 'ال', 'وال', 'بال', 'وبال', 'فال', 'لل', 'ولل'])(
    'accepts the proclitics "%s" before a name written without the article',
    (clitic) => {
      expect(found(`${clitic}طاجيكستان`)).toEqual([[`${clitic}طاجيكستان`, 'tajikistan']]);
    },
  );

  it.each(['الأمم', 'والأمم', 'فالأمم', 'بالأمم', 'وبالأمم', 'فبالأمم', 'كالأمم', 'للأمم', 'وللأمم', 'فللأمم', 'لالأمم'])(
    'accepts "%s المتحدة" for a name stored with the article',
    (first) => {
      expect(found(`${first} المتحدة`)).toEqual([[`${first} المتحدة`, 'united-nations']]);
    },
  );

  it('requires the article when the name is stored with it', () => {
    expect(found('أمم المتحدة')).toEqual([]);
    expect(found('بأمم المتحدة')).toEqual([]);
  });

  it.each(['مطاجيكستان', 'سطاجيكستان', 'وفطاجيكستان', 'بلطاجيكستان', 'الوطاجيكستان', 'وبالكطاجيكستان'])(
    'rejects "%s": the letters before the name are not a clitic chain',
    (word) => {
      expect(found(word)).toEqual([]);
    },
  );

  it('includes a clitic detached with tatweel ("الـ ناتو") in the mention', () => {
    expect(found('دول حلف شمال الأطلسي - الـ ناتو- الأخرى')).toEqual([
      ['حلف شمال الأطلسي', 'nato'],
      ['الـ ناتو', 'nato'],
    ]);
  });

  it('leaves a conjunction typed apart ("و أفغانستان") outside the mention', () => {
    expect(found('بين طاجيكستان و ناتو')).toEqual([
      ['طاجيكستان', 'tajikistan'],
      ['ناتو', 'nato'],
    ]);
  });
});

describe('createEntityMatcher: words and spaces', () => {
  it('matches multi-word names across newlines, tabs, runs of spaces and NBSP', () => {
    for (const gap of ['\n', '   ', '\t', '\u00A0', ' \r\n ']) {
      const text = `في الأمم${gap}المتحدة اليوم`;
      expect(found(text)).toEqual([[`الأمم${gap}المتحدة`, 'united-nations']]);
    }
  });

  it.each([
    ['الطاجيكستانية', 'a derived form not listed as an alias'],
    ['الإيرانيون', 'a demonym not listed as an alias'],
    ['الفروسية', 'a longer unrelated word ending in an alias (روسية)'],
    ['طاجيكستانيين', 'a suffixed form'],
    ['مجلسي الأمن', 'a dual form'],
    ['2طاجيكستان', 'a digit glued to the name'],
    ['xCSTO', 'a Latin letter glued to the name'],
  ])('never fires inside another word: %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('matches a listed derived form with its article', () => {
    expect(found('الحدود الطاجيكية')).toEqual([['الطاجيكية', 'tajikistan']]);
  });

  it('prefers the longest name: مجلس الأمن الجماعي over مجلس الأمن', () => {
    expect(found('قرار مجلس الأمن الجماعي ومجلس الأمن ولمجلس الأمن الروسي')).toEqual([
      ['مجلس الأمن الجماعي', 'csto-council'],
      ['ومجلس الأمن', 'un-security-council'],
      ['ولمجلس الأمن الروسي', 'russian-security-council'],
    ]);
  });

  it('prefers the longest name even when a shorter one starts earlier', () => {
    const local = createEntityMatcher([
      entity('a', 'place', 'الشرق الأوسط'),
      entity('b', 'organization', 'الأوسط وشمال أفريقيا الكبرى'),
    ]);
    const text = 'الشرق الأوسط وشمال أفريقيا الكبرى';
    expect(local.find(text).map((m) => [text.slice(m.start, m.end), m.entityId])).toEqual([
      ['الأوسط وشمال أفريقيا الكبرى', 'b'],
    ]);
  });

  it('resolves both spellings of Rahmon to one entity, and not bare رحمن', () => {
    expect(found('إمام علي رحمون وإمام علي رحمن وعبد الرحمن ورحمن')).toEqual([
      ['إمام علي رحمون', 'emomali-rahmon'],
      ['وإمام علي رحمن', 'emomali-rahmon'],
    ]);
  });

  it('reports the entity kind with each mention', () => {
    expect(matcher.find('بوتين في روسيا').map((m) => m.kind)).toEqual(['place']);
    expect(matcher.find('الأمم المتحدة')[0]?.kind).toBe('organization');
  });

  it('finds nothing in empty text or with an empty gazetteer', () => {
    expect(matcher.find('')).toEqual([]);
    expect(createEntityMatcher([]).find('طاجيكستان')).toEqual([]);
  });

  it('does not depend on the order of the gazetteer', () => {
    const reversed = createEntityMatcher([...gazetteer].reverse());
    const text = 'وللأمم المتحدة ومجلس الأمن الجماعي في طاجيكستان وروسيا CSTO';
    expect(reversed.find(text)).toEqual(matcher.find(text));
  });
});

const VOCABULARY = [
  ...gazetteer.flatMap(entitySpellings),
  'قال', 'في', 'على', 'الحدود', 'عبد الرحمن', 'الفروسية', 'مطاجيكستان', 'الإيرانيون', '2021', 'x', 'الـ', 'لـ', 'و',
];
const CLITICS = ['', '', '', 'و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وبال', 'لل', 'م'];
const GAPS = [' ', ' ', '  ', '\n', '، ', ' - ', '"', '\u00A0', ''];

/** Decorate a word the way real text does: tashkeel after a letter, tatweel inside. */
const decorated = fc
  .tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...CLITICS), fc.nat(), fc.constantFrom('', '\u064E', '\u0640', '\u0651'))
  .map(([word, clitic, at, mark]) => {
    const full = clitic + word;
    const i = at % (full.length + 1);
    return full.slice(0, i) + mark + full.slice(i);
  });
const texts = fc.array(fc.tuple(decorated, fc.constantFrom(...GAPS)), { maxLength: 12 }).map((parts) => parts.flat().join(''));

/** Every key the entity can be found under. */
const keysById = new Map(gazetteer.map((e) => [e.id, entitySpellings(e).map(phraseKey)]));

function foldedSlice(text: string, m: Mention): string {
  return foldArabic(text.slice(m.start, m.end)).replace(/\s+/gu, ' ');
}

describe('createEntityMatcher: invariants (property)', () => {
  it('returns sorted, non-overlapping mentions on word boundaries, each spelling clitics + a spelling of its entity', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const mentions = matcher.find(text);
        let previousEnd = 0;
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          previousEnd = m.end;
          // Word boundaries in the original text (ignoring marks that fold away).
          expect(isWordChar(foldArabic(text.slice(0, m.start)).at(-1))).toBe(false);
          expect(isWordChar(foldArabic(text.slice(m.end))[0])).toBe(false);
          // The slice folds to a clitic chain (maybe detached with tatweel) followed by a spelling.
          const slice = foldedSlice(text, m);
          const ok = keysById.get(m.entityId)!.some((key) => {
            if (!slice.endsWith(key.core)) return false;
            const prefix = slice.slice(0, slice.length - key.core.length).replace(' ', ''); // a clitic detached with tatweel
            return isCliticPrefix(prefix, key.article);
          });
          expect(ok, `${JSON.stringify(text.slice(m.start, m.end))} → ${m.entityId}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text, lone surrogates and marks included, and stays within bounds', () => {
    const noisy = fc
      .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...VOCABULARY), fc.constantFrom('\uD800', '\u064E', 'ـ', ' ')))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(noisy, (text) => {
        let previousEnd = 0;
        for (const m of matcher.find(text)) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeLessThanOrEqual(text.length);
          previousEnd = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(matcher.find(text)).toEqual(matcher.find(text));
      }),
    );
  });
});

/** Entities expected on each seed page: everyone and everything a reader would look for. */
const EXPECTED_BY_SEED: Record<string, string[]> = {
  '000_8441eef74626a7fb.txt': [
    'armenia', 'afghanistan', 'belarus', 'cis', 'csto', 'csto-peacekeeping-forces', 'csto-rapid-reaction-force',
    'karabakh', 'kazakhstan', 'khovar', 'khushnud-rahmatulloev', 'kyrgyzstan', 'russia', 'stanislav-zas', 'tajikistan',
    'tass', 'united-nations',
  ],
  '001_6dfbaefa9a0405cb.txt': [
    'afghanistan', 'astana', 'central-asia', 'csto', 'csto-collective-security-council', 'dushanbe', 'emomali-rahmon',
    'imangali-tasmagambetov', 'kazakhstan', 'russia', 'russia-islamic-world-group', 'sirojiddin-muhriddin', 'taliban',
    'tajikistan', 'tass', 'united-states',
  ],
  '002_216685895bd1f649.txt': [
    'afghanistan', 'anatoly-sidorov', 'armenia', 'azerbaijan', 'caucasus', 'central-asia', 'csto',
    'csto-collective-forces', 'csto-collective-security-council', 'csto-joint-staff', 'kazakhstan', 'russia',
    'russia-islamic-world-group', 'tajikistan', 'tass',
  ],
  '003_4e564ebf53c50bd9.txt': [
    'afghanistan', 'anatoly-sidorov', 'armenia', 'belarus', 'csto', 'csto-collective-security-council',
    'csto-joint-staff', 'csto-rapid-reaction-force', 'dushanbe', 'east-jerusalem', 'emomali-rahmon', 'iraq', 'isis',
    'israel', 'kabul', 'kazakhstan', 'kyrgyzstan', 'libya', 'middle-east', 'nato', 'north-africa', 'palestine',
    'russia', 'russia-islamic-world-group', 'russian-foreign-ministry', 'russian-security-council', 'stanislav-zas',
    'syria', 'tajikistan', 'taliban', 'tashkent', 'tass', 'un-security-council', 'united-nations', 'united-states',
    'uzbekistan', 'vladimir-putin', 'yemen',
  ],
  '004_7e73e5d89ee22f4a.txt': [
    'afghanistan', 'akylbek-japarov', 'alexander-lukashenko', 'armenia', 'belarus', 'csto', 'csto-peacekeeping-forces',
    'emomali-rahmon', 'kazakhstan', 'kyrgyzstan', 'nikol-pashinyan', 'rt', 'tajikistan', 'uzbekistan',
  ],
};

describe('createEntityMatcher on the seeds with the real gazetteer', () => {
  const files = ['people', 'places', 'organizations'].map((kind) => ({
    path: `content/gazetteer/${kind}.yaml`,
    text: readFileSync(join(root, `content/gazetteer/${kind}.yaml`), 'utf8'),
  }));
  const { entities } = parseGazetteer(files);
  const real = createEntityMatcher(entities);
  const seeds: string[] = [...FOUNDING_SEEDS];
  const read = (seed: string) => readFileSync(join(root, 'seeds', seed), 'utf8');

  it('covers all five seeds', () => {
    expect(seeds).toEqual(Object.keys(EXPECTED_BY_SEED));
  });

  it.each(Object.entries(EXPECTED_BY_SEED))('finds every expected entity, and only those, in %s', (seed, expected) => {
    const ids = new Set(real.find(read(seed)).map((m) => m.entityId));
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['001_6dfbaefa9a0405cb.txt', 'إمام علي رحمون', 'emomali-rahmon'],
    ['003_4e564ebf53c50bd9.txt', 'إمام علي رحمن', 'emomali-rahmon'],
    ['004_7e73e5d89ee22f4a.txt', 'لوكاشينكو', 'alexander-lukashenko'],
    ['004_7e73e5d89ee22f4a.txt', 'لوكاشينكا', 'alexander-lukashenko'],
    ['000_8441eef74626a7fb.txt', 'وقيرغيزستان', 'kyrgyzstan'],
    ['003_4e564ebf53c50bd9.txt', 'وقرغيزستان', 'kyrgyzstan'],
    ['001_6dfbaefa9a0405cb.txt', 'أفغانتسان', 'afghanistan'],
    ['001_6dfbaefa9a0405cb.txt', 'الأفغانتسانية', 'afghanistan'],
    ['002_216685895bd1f649.txt', 'الأفغانستانية', 'afghanistan'],
    ['003_4e564ebf53c50bd9.txt', 'للأمم المتحدة', 'united-nations'],
    ['003_4e564ebf53c50bd9.txt', 'الـ ناتو', 'nato'],
    ['003_4e564ebf53c50bd9.txt', 'لمجلس الأمن الجماعي', 'csto-collective-security-council'],
    ['003_4e564ebf53c50bd9.txt', 'مجلس الأمن الروسي', 'russian-security-council'],
    ['000_8441eef74626a7fb.txt', 'لرابطة الدول المستقلة', 'cis'],
  ])('in %s, "%s" is a mention of %s', (seed, word, id) => {
    const text = read(seed);
    const mentions = real.find(text).filter((m) => text.slice(m.start, m.end) === word);
    expect(mentions.length).toBeGreaterThan(0);
    expect(new Set(mentions.map((m) => m.entityId))).toEqual(new Set([id]));
  });

  it('never fires inside a longer word in the seeds', () => {
    for (const seed of seeds) {
      const text = read(seed);
      for (const m of real.find(text)) {
        expect(isWordChar(text[m.start - 1]), `${seed}: ${text.slice(m.start - 3, m.end)}`).toBe(false);
        expect(isWordChar(text[m.end]), `${seed}: ${text.slice(m.start, m.end + 3)}`).toBe(false);
      }
    }
  });
});

describe('the real gazetteer on tricky press spellings', () => {
  const files = ['people', 'places', 'organizations'].map((kind) => ({
    path: `content/gazetteer/${kind}.yaml`,
    text: readFileSync(join(root, `content/gazetteer/${kind}.yaml`), 'utf8'),
  }));
  const { entities } = parseGazetteer(files);
  const real = createEntityMatcher(entities);
  const ids = (text: string) => real.find(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

  it.each([
    // Long vowels written or dropped, and the usual alternative transliterations.
    ['زار طاجكستان وقازاخستان', [['طاجكستان', 'tajikistan'], ['وقازاخستان', 'kazakhstan']]],
    ['في أوزبيكستان وتركمنستان', [['أوزبيكستان', 'uzbekistan'], ['وتركمنستان', 'turkmenistan']]],
    ['وفد من بيلوروسيا ومولدافيا', [['بيلوروسيا', 'belarus'], ['ومولدافيا', 'moldova']]],
    // Hamza and ta marbuta variants are folded, not listed.
    ['وصل إلى انقره ثم اسلام اباد', [['انقره', 'ankara'], ['اسلام اباد', 'islamabad']]],
    ['قمة منظمه شانغهاي للتعاون في عشق أباد', [['منظمه شانغهاي للتعاون', 'sco'], ['عشق أباد', 'ashgabat']]],
    // The full name wins over the city it contains (نور سلطان was Astana's name).
    ['قال نور سلطان نزارباييف في نور سلطان', [['نور سلطان نزارباييف', 'nursultan-nazarbayev'], ['نور سلطان', 'astana']]],
    // The US state is its own, longer entry; the country keeps the bare name.
    ['انتخابات في ولاية جورجيا وفي جورجيا', [['ولاية جورجيا', 'georgia-us-state'], ['جورجيا', 'georgia']]],
    ['الاتحاد الاقتصادي الأوراسي ومنظمة التعاون الإسلامي', [['الاتحاد الاقتصادي الأوراسي', 'eaeu'], ['ومنظمة التعاون الإسلامي', 'oic']]],
    ['أعلن الرئيس شوكت ميرضيائيف ثم ميرزيوييف', [['شوكت ميرضيائيف', 'shavkat-mirziyoyev'], ['ميرزيوييف', 'shavkat-mirziyoyev']]],
    // The two Badakhshans are told apart by their longer names; the bare name links neither.
    ['من غورنو بدخشان إلى بدخشان الأفغانية عبر بدخشان', [['غورنو بدخشان', 'gorno-badakhshan'], ['بدخشان الأفغانية', 'badakhshan-province']]],
    ['على ضفاف نهر جيحون قرب ترمذ', [['نهر جيحون', 'amu-darya'], ['ترمذ', 'termez']]],
    ['في ألما آتا سابقا', [['ألما آتا', 'almaty']]],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    // Ordinary words and names that a careless alias would turn into a link.
    'كيف حال الطقس؟',                  // كيف = how (Kyiv is listed only as كييف)
    'الفكرة الرئيسية والهدف رئيسي',      // رئيسي = main (Raisi only with his given name)
    'رجل غني وزعيم روحاني',              // غني = rich, روحاني = spiritual
    'مدينة شنغهاي الصينية',              // the city is not the organization (الصينية is China)
    'المحيط الهندي والشعوب التركية',     // neither links to India or Turkey
    'قال بروس إن الكروس أوفر جديد',      // بروس and كروس are not الروس
    'وأضاف جاباروف',                     // two Japarovs: the bare surname stays unlinked
    'ملف بترميز UTF-16',                 // ترميز = encoding, not Termez (listed only as ترمذ)
    'قابل جورجي إيفانوف',                // Georgy, a given name
  ])('links nothing wrong in "%s"', (text) => {
    expect(ids(text).filter(([, id]) => id !== 'china')).toEqual([]);
  });

  it('gives every place a coordinate pair within range, rounded to two decimals', () => {
    const places = entities.filter((e) => e.kind === 'place' && e.coordinates);
    expect(places.length).toBeGreaterThan(40);
    for (const place of places) {
      for (const value of place.coordinates ?? []) expect(Math.round(value * 100) / 100, place.id).toBe(value);
    }
    // Capitals lie inside their country's rough box: a swapped [lon, lat] would fail this.
    const at = (id: string) => entities.find((e) => e.id === id)?.coordinates;
    expect(at('dushanbe')?.[0]).toBeCloseTo(38.5, 0);
    expect(at('havana')?.[1]).toBeLessThan(0);
    expect(at('beijing')?.[1]).toBeGreaterThan(100);
  });
});
