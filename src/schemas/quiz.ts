/**
 * The quiz definition format, one YAML file per quiz in content/quizzes/<id>.yaml, and its types.
 *
 * Field meanings live in .describe() so they travel with the schema into generated JSON schemas (editor
 * hints for the YAML files) as well as into this source. Share links and saved progress store answers by
 * item position and check the quiz `version`: reordering, adding or removing items, or changing how they
 * score needs a version bump, which sets old links and progress aside as outdated instead of misreading them.
 */
import { z } from 'astro/zod';
import { normalizeScore } from '../quiz/normalize';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LINE_BREAK = /[\r\n]/;

const kebabCaseSchema = z
  .string()
  .regex(KEBAB_CASE, 'Use kebab-case: lowercase letters and digits joined by single hyphens, like "own-part".');

// Trimming first lets YAML block scalars (which end with a newline) pass the length and one-line checks.
function createLineSchema(maxLength: number, minLength = 1) {
  return z
    .string()
    .trim()
    .min(minLength, minLength === 1 ? 'This cannot be empty.' : `Use at least ${minLength} characters.`)
    .max(maxLength, `Keep this to ${maxLength} characters or fewer.`)
    .refine((text) => !LINE_BREAK.test(text), 'Keep this on one line.');
}

function createProseSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, 'This cannot be empty.')
    .max(maxLength, `Keep this to ${maxLength} characters or fewer.`);
}

/** Where in the guide a subscale's theme is addressed: a section slug and one of its h2 anchors. */
export const quizLinkSchema = z.strictObject({
  section: kebabCaseSchema.describe('Slug of the guide section, e.g. "leaving-the-victim-mentality".'),
  anchor: kebabCaseSchema.describe('Anchor of an h2 heading in that section, e.g. "face-everything-and-rise".'),
});

/** One subscale: a group of items scored together and shown as its own bar. */
export const quizSubscaleSchema = z.strictObject({
  id: kebabCaseSchema.describe('Kebab-case id, unique within the quiz.'),
  title: createLineSchema(60).describe('Short name shown next to the subscale score.'),
  description: createLineSchema(200).describe('One sentence saying what this subscale looks at.'),
  link: quizLinkSchema.describe('Guide passage offered when this is the weakest subscale.'),
});

/** One statement the reader rates on the five-point scale. */
export const quizItemSchema = z.strictObject({
  id: kebabCaseSchema.describe(
    'Kebab-case id, unique within the quiz. Keep it stable: share links and saved progress rely on item ' +
      'order and count.',
  ),
  text: createLineSchema(160).describe('One first-person statement.'),
  subscale: kebabCaseSchema.describe('Id of the subscale this item counts towards.'),
  reverse: z
    .boolean()
    .describe('true when agreeing points the opposite way to the quiz polarity; the item then scores 6 - answer.'),
  safety: z
    .boolean()
    .default(false)
    .describe(
      'true on a statement whose agreement (4 or 5) should show the support box, keyed towards the harder end. ' +
        'Defaults to false.',
    ),
  pair: kebabCaseSchema
    .optional()
    .describe(
      'Id of an item saying roughly the opposite; both items must name each other, one forward and one ' +
        'reverse. Used to spot contradictory answers.',
    ),
});

/** One result band: a range of the normalized total with its own summary and suggestions. */
export const quizBandSchema = z.strictObject({
  id: kebabCaseSchema.describe('Kebab-case id, unique within the quiz.'),
  min: z.int().min(0).max(100).describe('Lowest normalized total in this band (inclusive).'),
  max: z.int().min(0).max(100).describe('Highest normalized total in this band (inclusive).'),
  title: createLineSchema(60).describe('Heading of the result.'),
  summary: createProseSchema(600).describe('Two to four warm, non-judgmental sentences about this result.'),
  suggestions: z
    .array(createLineSchema(240))
    .min(2, 'Give at least 2 suggestions.')
    .max(4, 'Give at most 4 suggestions.')
    .describe('Two to four concrete things to try.'),
  sections: z
    .array(kebabCaseSchema)
    .min(1, 'Recommend at least one guide section.')
    .describe('Slugs of the guide sections recommended for this result.'),
});

const scaleLabelSchema = createLineSchema(30);

const quizObjectSchema = z.strictObject({
  id: kebabCaseSchema.describe('Kebab-case id; must equal the file name.'),
  version: z
    .int()
    .min(1)
    .max(255, 'Share links store the version in one byte, so keep it at 255 or below.')
    .describe('Starts at 1; bump it when items or scoring change, so old share links and progress are set aside.'),
  title: createLineSchema(60).describe('Quiz title.'),
  description: createLineSchema(155, 70).describe('Meta description: one sentence of 70-155 characters.'),
  measures: createLineSchema(140).describe('One line on what the quiz looks at, shown in the quiz list.'),
  minutes: z.int().min(1).max(15).describe('Estimated minutes to finish (1-15).'),
  intro: createProseSchema(400).describe('One to three sentences shown above the questions.'),
  polarity: z
    .enum(['higher-is-harder', 'higher-is-healthier'])
    .describe('What a high normalized score means: more of what the title names, which is either harder or healthier.'),
  scale: z
    .tuple([scaleLabelSchema, scaleLabelSchema, scaleLabelSchema, scaleLabelSchema, scaleLabelSchema])
    .describe('Labels for answers 1 to 5, from strongest disagreement to strongest agreement.'),
  sections: z
    .array(kebabCaseSchema)
    .min(1, 'Name at least one guide section.')
    .describe('Slugs of the guide sections this quiz draws on.'),
  subscales: z
    .array(quizSubscaleSchema)
    .min(2, 'Define at least 2 subscales.')
    .max(4, 'Define at most 4 subscales.')
    .describe('Two to four subscales.'),
  items: z
    .array(quizItemSchema)
    .min(10, 'A quiz needs at least 10 items.')
    .max(16, 'A quiz can have at most 16 items.')
    .describe('Ten to sixteen items, in the order they are asked.'),
  bands: z
    .array(quizBandSchema)
    .min(3, 'Define at least 3 bands.')
    .max(4, 'Define at most 4 bands.')
    .describe('Three or four bands, sorted, covering 0-100 with no gap or overlap.'),
});

type QuizShape = z.output<typeof quizObjectSchema>;
type RefinementContext = z.RefinementCtx<QuizShape>;

function addIssue(context: RefinementContext, path: (string | number)[], message: string): void {
  context.addIssue({ code: 'custom', path, message });
}

function checkUniqueIds(
  context: RefinementContext,
  listName: string,
  values: readonly string[],
  fieldName?: string,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      const path = fieldName === undefined ? [listName, index] : [listName, index, fieldName];
      addIssue(context, path, `"${value}" appears more than once in ${listName}; each must be unique.`);
    }
    seen.add(value);
  });
}

function checkSubscaleUse(quiz: QuizShape, context: RefinementContext): void {
  const subscaleIds = new Set(quiz.subscales.map((subscale) => subscale.id));
  const usedIds = new Set(quiz.items.map((item) => item.subscale));
  quiz.items.forEach((item, index) => {
    if (!subscaleIds.has(item.subscale)) {
      addIssue(context, ['items', index, 'subscale'], `No subscale has the id "${item.subscale}".`);
    }
  });
  quiz.subscales.forEach((subscale, index) => {
    if (!usedIds.has(subscale.id)) {
      addIssue(context, ['subscales', index, 'id'], `No item uses the subscale "${subscale.id}".`);
    }
  });
}

function checkReverseShare(quiz: QuizShape, context: RefinementContext): void {
  const reverseCount = quiz.items.filter((item) => item.reverse).length;
  if (reverseCount * 3 < quiz.items.length) {
    const needed = Math.ceil(quiz.items.length / 3);
    addIssue(
      context,
      ['items'],
      `At least a third of the items must be reverse-keyed (reverse: true): found ${reverseCount}, need ${needed}.`,
    );
  }
}

/**
 * A safety item is a statement whose agreement is the worry, so agreeing must count towards the harder end
 * of the quiz: forward in a higher-is-harder quiz, reverse-keyed in a higher-is-healthier one.
 */
function checkSafetyItems(quiz: QuizShape, context: RefinementContext): void {
  const reverseNeeded = quiz.polarity === 'higher-is-healthier';
  quiz.items.forEach((item, index) => {
    if (item.safety && item.reverse !== reverseNeeded) {
      const rule = reverseNeeded
        ? 'In a higher-is-healthier quiz a safety item must be reverse-keyed (reverse: true)'
        : 'In a higher-is-harder quiz a safety item must be a forward item (reverse: false)';
      addIssue(context, ['items', index, 'safety'], `${rule}, so that agreeing with it counts as harder.`);
    }
  });
}

function checkPairs(quiz: QuizShape, context: RefinementContext): void {
  const itemsById = new Map(quiz.items.map((item) => [item.id, item]));
  quiz.items.forEach((item, index) => {
    if (item.pair === undefined) return;
    const path = ['items', index, 'pair'];
    const partner = itemsById.get(item.pair);
    if (item.pair === item.id) {
      addIssue(context, path, 'An item cannot be paired with itself.');
    } else if (partner === undefined) {
      addIssue(context, path, `No item has the id "${item.pair}".`);
    } else if (partner.pair !== item.id) {
      addIssue(context, path, `Pairs are symmetric: "${partner.id}" must name "${item.id}" in its own pair field.`);
    } else if (partner.reverse === item.reverse) {
      const direction = item.reverse ? 'reverse' : 'forward';
      addIssue(
        context,
        path,
        `A pair joins one forward and one reverse item, but "${item.id}" and "${partner.id}" are both ${direction}.`,
      );
    }
  });
}

function isBandReachable(min: number, max: number, itemCount: number): boolean {
  for (let pointsAboveMinimum = 0; pointsAboveMinimum <= 4 * itemCount; pointsAboveMinimum += 1) {
    const normalized = normalizeScore(pointsAboveMinimum + itemCount, itemCount);
    if (normalized >= min && normalized <= max) return true;
  }
  return false;
}

function checkBands(quiz: QuizShape, context: RefinementContext): void {
  const { bands } = quiz;
  if (bands.length === 0) return;
  if (bands[0].min !== 0) addIssue(context, ['bands', 0, 'min'], 'The first band must start at 0.');
  const last = bands.length - 1;
  if (bands[last].max !== 100) addIssue(context, ['bands', last, 'max'], 'The last band must end at 100.');

  let isLayoutValid = true;
  bands.forEach((band, index) => {
    if (band.min > band.max) {
      isLayoutValid = false;
      addIssue(context, ['bands', index, 'max'], `max (${band.max}) must not be below min (${band.min}).`);
    }
    if (index === 0) return;
    const previous = bands[index - 1];
    const expectedMin = previous.max + 1;
    if (band.min === expectedMin) return;
    isLayoutValid = false;
    const path = ['bands', index, 'min'];
    if (band.min <= previous.min) {
      addIssue(context, path, 'Bands must be sorted from the lowest range to the highest.');
    } else if (band.min < expectedMin) {
      addIssue(context, path, `Overlaps the previous band, which ends at ${previous.max}; start at ${expectedMin}.`);
    } else {
      addIssue(
        context,
        path,
        `Leaves a gap after the previous band, which ends at ${previous.max}; start at ${expectedMin}.`,
      );
    }
  });

  // A band no set of answers can reach would be dead text; only meaningful once the layout itself is sound.
  if (!isLayoutValid || quiz.items.length === 0) return;
  bands.forEach((band, index) => {
    if (!isBandReachable(band.min, band.max, quiz.items.length)) {
      addIssue(
        context,
        ['bands', index],
        `No total score can land in ${band.min}-${band.max} with ${quiz.items.length} items; widen this band.`,
      );
    }
  });
}

function refineQuiz(quiz: QuizShape, context: RefinementContext): void {
  checkUniqueIds(context, 'sections', quiz.sections);
  checkUniqueIds(
    context,
    'subscales',
    quiz.subscales.map((subscale) => subscale.id),
    'id',
  );
  checkUniqueIds(
    context,
    'items',
    quiz.items.map((item) => item.id),
    'id',
  );
  checkUniqueIds(
    context,
    'bands',
    quiz.bands.map((band) => band.id),
    'id',
  );
  checkSubscaleUse(quiz, context);
  checkReverseShare(quiz, context);
  checkSafetyItems(quiz, context);
  checkPairs(quiz, context);
  checkBands(quiz, context);
}

/** A quiz file (content/quizzes/<id>.yaml); whether its slugs and anchors exist in the guide is checked elsewhere. */
export const quizSchema = quizObjectSchema.superRefine(refineQuiz);

/** A validated quiz definition. */
export type QuizDefinition = z.output<typeof quizSchema>;
/** One validated quiz item. */
export type QuizItem = QuizDefinition['items'][number];
/** One validated subscale. */
export type QuizSubscale = QuizDefinition['subscales'][number];
/** One validated result band. */
export type QuizBand = QuizDefinition['bands'][number];
/** What a high normalized score means for a quiz. */
export type QuizPolarity = QuizDefinition['polarity'];
