import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../../src/features/quiz/quiz-schema';
import { createFixtureInput, type QuizInput } from './fixtures';

function listIssues(input: unknown): { path: string; message: string }[] {
  const result = quizSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function createItem(id: string, agreeing: 'more' | 'less') {
  return { id, text: 'An extra statement.', subscale: 'hope', agreeing };
}

interface RejectionCase {
  name: string;
  mutate: (quiz: QuizInput) => void;
  path: string;
  message: string;
}

describe('quizSchema', () => {
  it('accepts the fixture quiz', () => {
    expect(listIssues(createFixtureInput())).toEqual([]);
  });

  it('defaults safety and middle to false and keeps pair optional', () => {
    const quiz = quizSchema.parse(createFixtureInput());
    expect(quiz.items[0].safety).toBe(true);
    expect(quiz.items[1].safety).toBe(false);
    expect(quiz.items[4].pair).toBeUndefined();
    expect(quiz.bands.map((band) => band.middle)).toEqual([false, true, false]);
  });

  it('trims the trailing newline a YAML block scalar leaves', () => {
    const input = createFixtureInput();
    input.title = 'A test quiz\n';
    expect(quizSchema.parse(input).title).toBe('A test quiz');
  });

  const rejections: RejectionCase[] = [
    // The id must be kebab-case.
    { name: 'a non-kebab id', mutate: (quiz) => void (quiz.id = 'Test_Quiz'), path: 'id', message: 'kebab-case' },
    // Versions start at 1.
    { name: 'version 0', mutate: (quiz) => void (quiz.version = 0), path: 'version', message: '' },
    // Share codes keep the version in one byte.
    { name: 'version 256', mutate: (quiz) => void (quiz.version = 256), path: 'version', message: 'one byte' },
    // Versions are whole numbers.
    { name: 'a fractional version', mutate: (quiz) => void (quiz.version = 1.5), path: 'version', message: '' },
    // Titles are at most 60 characters.
    { name: 'a long title', mutate: (quiz) => void (quiz.title = 'x'.repeat(61)), path: 'title', message: '60' },
    // Meta descriptions are 70-155 characters.
    { name: 'a short description', mutate: (quiz) => void (quiz.description = 'Too short.'), path: 'description', message: '70' },
    // The quiz-list line must stay on one line.
    {
      name: 'a two-line measures',
      mutate: (quiz) => void (quiz.measures = 'First line\nsecond line'),
      path: 'measures',
      message: 'one line',
    },
    // Time estimates are 1-15 minutes.
    { name: '16 minutes', mutate: (quiz) => void (quiz.minutes = 16), path: 'minutes', message: '' },
    // Only the two polarities exist.
    {
      name: 'an unknown polarity',
      mutate: (quiz) => void ((quiz as { polarity: string }).polarity = 'higher-is-better'),
      path: 'polarity',
      message: '',
    },
    // The scale has exactly five labels.
    {
      name: 'a four-label scale',
      mutate: (quiz) => void ((quiz as { scale: string[] }).scale = ['1', '2', '3', '4']),
      path: 'scale',
      message: '',
    },
    // A quiz draws on at least one section.
    { name: 'no sections', mutate: (quiz) => void (quiz.sections = []), path: 'sections', message: 'at least one' },
    // Section slugs are listed once.
    {
      name: 'a repeated section',
      mutate: (quiz) => void (quiz.sections = ['where-this-leaves-you', 'where-this-leaves-you']),
      path: 'sections.1',
      message: 'more than once',
    },
    // Unknown keys are typos, such as "agreing" for "agreeing".
    {
      name: 'a misspelled item key',
      mutate: (quiz) => void Object.assign(quiz.items[2], { agreing: 'more' }),
      path: 'items.2',
      message: 'agreing',
    },
    // Unknown top-level keys are rejected too.
    { name: 'an unknown top-level key', mutate: (quiz) => void Object.assign(quiz, { colour: 'red' }), path: '', message: 'colour' },
    // At least 10 items.
    {
      name: '9 items',
      mutate: (quiz) => void (quiz.items = quiz.items.filter(({ id }) => !['focus-1', 'focus-4', 'hope-2', 'steady-1'].includes(id))),
      path: 'items',
      message: 'at least 10',
    },
    // At most 16 items.
    {
      name: '17 items',
      mutate: (quiz) =>
        void quiz.items.push(...['x-1', 'x-2', 'x-3', 'x-4'].map((id) => createItem(id, 'more'))),
      path: 'items',
      message: 'at most 16',
    },
    // Item text is one statement of at most 160 characters.
    { name: 'a long item text', mutate: (quiz) => void (quiz.items[0].text = 'x'.repeat(161)), path: 'items.0.text', message: '160' },
    // Item ids are unique.
    { name: 'a repeated item id', mutate: (quiz) => void (quiz.items[4].id = 'steady-1'), path: 'items.4.id', message: 'more than once' },
    // The total's statements balance "more" and "less" within one: 6 and 2 do not.
    {
      name: 'an unbalanced total',
      mutate: (quiz) => {
        quiz.items[4].agreeing = 'more';
        quiz.items[8].agreeing = 'more';
      },
      path: 'items',
      message: 'found 6 "more" and 2 "less"',
    },
    // The total needs six statements of the quiz's polarity.
    {
      name: 'a total of four statements',
      mutate: (quiz) => void (quiz.subscales[1].polarity = 'higher-is-healthier'),
      path: 'subscales',
      message: 'hold 4 statements, and the total needs at least 6',
    },
    // Every subscale has three statements or more.
    {
      name: 'a subscale of two statements',
      mutate: (quiz) => {
        quiz.items = quiz.items.filter(({ id }) => id !== 'hope-1' && id !== 'hope-2');
      },
      path: 'subscales.2.id',
      message: 'has 2 statements',
    },
    // A pair never points at a safety statement.
    {
      name: 'a pair to a safety statement',
      mutate: (quiz) => void (quiz.items[4].pair = 'safe'),
      path: 'items.4.pair',
      message: 'safety statement',
    },
    // A scored statement says which way agreeing points.
    {
      name: 'a statement without agreeing',
      mutate: (quiz) => void delete quiz.items[5].agreeing,
      path: 'items.5.agreeing',
      message: '"more" or "less"',
    },
    // A scored statement names its subscale.
    {
      name: 'a statement without a subscale',
      mutate: (quiz) => void delete quiz.items[5].subscale,
      path: 'items.5.subscale',
      message: 'Name the subscale',
    },
    // A safety statement is a flag, not a score.
    {
      name: 'a safety statement with a subscale',
      mutate: (quiz) => void Object.assign(quiz.items[0], { subscale: 'steady' }),
      path: 'items.0.subscale',
      message: 'flag, not a score',
    },
    {
      name: 'a safety statement with agreeing',
      mutate: (quiz) => void Object.assign(quiz.items[0], { agreeing: 'more' }),
      path: 'items.0.agreeing',
      message: 'flag, not a score',
    },
    // Every quiz has a safety statement.
    {
      name: 'no safety statement',
      mutate: (quiz) => void (quiz.items = quiz.items.slice(1)),
      path: 'items',
      message: 'No statement is marked safety: true',
    },
    // The higher end of a subscale finishes "Higher means …".
    {
      name: 'a higherMeans with a capital letter',
      mutate: (quiz) => void (quiz.subscales[0].higherMeans = 'More of it'),
      path: 'subscales.0.higherMeans',
      message: 'lowercase',
    },
    {
      name: 'a higherMeans with a full stop',
      mutate: (quiz) => void (quiz.higherMeans = 'more of it.'),
      path: 'higherMeans',
      message: 'full stop',
    },
    // Only the two polarities exist for subscales too.
    {
      name: 'a subscale without a polarity',
      mutate: (quiz) => void delete (quiz.subscales[1] as { polarity?: string }).polarity,
      path: 'subscales.1.polarity',
      message: '',
    },
    // At least 2 subscales.
    {
      name: 'one subscale',
      mutate: (quiz) => {
        quiz.subscales = quiz.subscales.slice(0, 1);
        quiz.items.forEach((item) => void (item.subscale = 'steady'));
      },
      path: 'subscales',
      message: 'at least 2',
    },
    // At most 4 subscales.
    {
      name: 'five subscales',
      mutate: (quiz) =>
        void quiz.subscales.push(
          ...['four', 'five'].map((id) => ({ ...quiz.subscales[0], id })),
        ),
      path: 'subscales',
      message: 'at most 4',
    },
    // Subscale ids are unique.
    {
      name: 'a repeated subscale id',
      mutate: (quiz) => void (quiz.subscales[1].id = 'steady'),
      path: 'subscales.1.id',
      message: 'more than once',
    },
    // Every subscale is used by an item.
    {
      name: 'an unused subscale',
      mutate: (quiz) => void quiz.subscales.push({ ...quiz.subscales[0], id: 'spare' }),
      path: 'subscales.3.id',
      message: 'No item uses',
    },
    // Every item's subscale exists.
    {
      name: 'an item with an unknown subscale',
      mutate: (quiz) => void (quiz.items[4].subscale = 'fokus'),
      path: 'items.4.subscale',
      message: '"fokus"',
    },
    // A pair names an existing item.
    {
      name: 'a pair to a missing item',
      mutate: (quiz) => void (quiz.items[2].pair = 'nobody'),
      path: 'items.2.pair',
      message: 'No item has the id "nobody"',
    },
    // An item cannot pair with itself.
    {
      name: 'a pair to itself',
      mutate: (quiz) => void (quiz.items[4].pair = 'steady-4'),
      path: 'items.4.pair',
      message: 'itself',
    },
    // Pairs are symmetric: steady-2 already pairs with steady-3.
    {
      name: 'a one-sided pair',
      mutate: (quiz) => void (quiz.items[4].pair = 'steady-2'),
      path: 'items.4.pair',
      message: 'symmetric',
    },
    // A pair joins a "more" and a "less" statement.
    {
      name: 'a pair of two "less" statements',
      mutate: (quiz) => {
        quiz.items[4].pair = 'focus-4';
        quiz.items[8].pair = 'steady-4';
      },
      path: 'items.4.pair',
      message: 'in another',
    },
    {
      name: 'a pair of two "more" statements',
      mutate: (quiz) => {
        quiz.items[9].pair = 'hope-3';
        quiz.items[11].pair = 'hope-1';
        delete quiz.items[12].pair;
      },
      path: 'items.9.pair',
      message: 'both "more"',
    },
    // A pair says opposite things about one subscale.
    {
      name: 'a pair across subscales',
      mutate: (quiz) => {
        quiz.items[1].pair = 'focus-3';
        delete quiz.items[6].pair;
        quiz.items[7].pair = 'steady-1';
      },
      path: 'items.1.pair',
      message: 'in another',
    },
    // Pair ids are kebab-case like item ids.
    { name: 'a non-kebab pair', mutate: (quiz) => void (quiz.items[2].pair = 'Steady 3'), path: 'items.2.pair', message: 'kebab-case' },
    // Link anchors are kebab-case.
    {
      name: 'a non-kebab anchor',
      mutate: (quiz) => void (quiz.subscales[0].link.anchor = 'Not needing them back'),
      path: 'subscales.0.link.anchor',
      message: 'kebab-case',
    },
    // Link sections are kebab-case.
    {
      name: 'a non-kebab link section',
      mutate: (quiz) => void (quiz.subscales[2].link.section = '/guide/where-this-leaves-you/'),
      path: 'subscales.2.link.section',
      message: 'kebab-case',
    },
    // At least 3 bands.
    {
      name: 'two bands',
      mutate: (quiz) => void (quiz.bands = [{ ...quiz.bands[0], max: 50 }, { ...quiz.bands[2], min: 51 }]),
      path: 'bands',
      message: 'at least 3',
    },
    // At most 5 bands.
    {
      name: 'six bands',
      mutate: (quiz) =>
        void (quiz.bands = [0, 20, 40, 61, 70, 85].map((min, index, mins) => ({
          ...quiz.bands[0],
          id: `b-${index}`,
          middle: index === 2,
          min,
          max: (mins[index + 1] ?? 101) - 1,
        }))),
      path: 'bands',
      message: 'at most 5',
    },
    // Exactly one band is the middle one.
    {
      name: 'no middle band',
      mutate: (quiz) => void (quiz.bands[1].middle = false),
      path: 'bands',
      message: 'found 0',
    },
    {
      name: 'two middle bands',
      mutate: (quiz) => void (quiz.bands[2].middle = true),
      path: 'bands',
      message: 'found 2',
    },
    // The middle band holds every near-neutral total, 40 to 60.
    {
      name: 'a middle band that stops at 55',
      mutate: (quiz) => {
        quiz.bands[1].max = 55;
        quiz.bands[2].min = 56;
      },
      path: 'bands.1',
      message: 'from 40 to 60',
    },
    // The first band starts at 0.
    { name: 'a first band starting at 1', mutate: (quiz) => void (quiz.bands[0].min = 1), path: 'bands.0.min', message: 'start at 0' },
    // The last band ends at 100.
    { name: 'a last band ending at 99', mutate: (quiz) => void (quiz.bands[2].max = 99), path: 'bands.2.max', message: 'end at 100' },
    // Bands leave no gap: 40 is covered by nobody.
    { name: 'a gap', mutate: (quiz) => void (quiz.bands[1].min = 41), path: 'bands.1.min', message: 'gap' },
    // Bands do not overlap: 39 is in two bands.
    { name: 'an overlap', mutate: (quiz) => void (quiz.bands[1].min = 39), path: 'bands.1.min', message: 'Overlaps' },
    // Bands are listed from low to high.
    {
      name: 'unsorted bands',
      mutate: (quiz) => void (quiz.bands = [quiz.bands[0], quiz.bands[2], quiz.bands[1]]),
      path: 'bands.2.min',
      message: 'sorted',
    },
    // A band's max is not below its min.
    {
      name: 'an inverted band',
      mutate: (quiz) => {
        quiz.bands[1].max = 20;
        quiz.bands[2].min = 21;
      },
      path: 'bands.1.max',
      message: 'must not be below min',
    },
    // Band limits are whole numbers.
    { name: 'a fractional band limit', mutate: (quiz) => void (quiz.bands[0].max = 33.5), path: 'bands.0.max', message: '' },
    // With 12 scored statements the normalized total moves in steps of about 2, so 1 can never come up.
    {
      name: 'an unreachable band',
      mutate: (quiz) =>
        void (quiz.bands = [
          { ...quiz.bands[0], min: 0, max: 0 },
          { ...quiz.bands[0], id: 'one', min: 1, max: 1 },
          { ...quiz.bands[0], id: 'two', min: 2, max: 39 },
          quiz.bands[1],
          quiz.bands[2],
        ]),
      path: 'bands.1',
      message: 'No total score can land in 1-1 with 8 statements in the total',
    },
    // Band ids are unique.
    { name: 'a repeated band id', mutate: (quiz) => void (quiz.bands[1].id = 'low'), path: 'bands.1.id', message: 'more than once' },
    // Bands give 2-4 suggestions.
    {
      name: 'a single suggestion',
      mutate: (quiz) => void (quiz.bands[0].suggestions = ['Only one.']),
      path: 'bands.0.suggestions',
      message: 'at least 2',
    },
    // Bands recommend at least one section.
    { name: 'a band without sections', mutate: (quiz) => void (quiz.bands[0].sections = []), path: 'bands.0.sections', message: 'at least one' },
  ];

  it.each(rejections)('rejects $name at $path', ({ mutate, path, message }) => {
    const input = createFixtureInput();
    mutate(input);
    expect(listIssues(input)).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
