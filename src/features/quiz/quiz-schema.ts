/**
 * The quiz definition format, one YAML file per quiz in content/quizzes/<id>.yaml, and its types.
 *
 * Field meanings live in .describe() so they travel with the schema into generated JSON schemas (editor
 * hints for the YAML files) as well as into this source. Share links and saved progress store answers by
 * item position and check the quiz `version`: reordering, adding or removing items, or changing how they
 * score needs a version bump, which sets old links and progress aside as outdated instead of misreading them.
 *
 * Direction lives in the data, so a number can never mean the opposite of its label: the quiz and every
 * subscale say what a high number means (`polarity` and `higherMeans`), and every scored statement says
 * whether agreeing with it means more or less of what its own subscale names (`agreeing`). The total sums
 * the subscales whose polarity is the quiz's; a subscale of the other polarity is shown on its own (see
 * engine/keying.ts). Safety statements are flags only: they belong to no subscale and count towards no score.
 */
import { z } from 'astro/zod';
import { createLineSchema, createProseSchema, kebabIdSchema } from '../../kit/schema-parts';
import { normalizeScore } from './engine/normalize';
import { countsTowardTotal, isScored, type ScoredStatement } from './engine/keying';

// One name for the shared id schema here, where every id field uses it.
const kebabCaseSchema = kebabIdSchema;

/** Where in the guide a subscale's theme is addressed: a section slug and one of its h2 anchors. */
export const quizLinkSchema = z.strictObject({
  section: kebabCaseSchema.describe('Slug of the guide section, e.g. "leaving-the-victim-mentality".'),
  anchor: kebabCaseSchema.describe('Anchor of an h2 heading in that section, e.g. "face-everything-and-rise".'),
});

const polaritySchema = z.enum(['higher-is-harder', 'higher-is-healthier']);

// Shown after "Higher means", so it must read as the rest of that sentence ("more of your anger goes into…").
const higherMeansSchema = createLineSchema(160)
  .refine((text) => /^[a-z]/.test(text), 'Start with a lowercase word: the page shows it after "Higher means".')
  .refine((text) => !text.endsWith('.'), 'Leave off the final full stop: the page adds it.');

/** One subscale: a group of items scored together and shown as its own bar. */
export const quizSubscaleSchema = z.strictObject({
  id: kebabCaseSchema.describe('Kebab-case id, unique within the quiz.'),
  title: createLineSchema(60).describe(
    'Short name shown next to the subscale score. It names what a high number measures ("Anger as fuel").',
  ),
  polarity: polaritySchema.describe(
    'Whether more of what the title names is the harder or the healthier end; it may differ from the quiz polarity.',
  ),
  higherMeans: higherMeansSchema.describe(
    'What a high number means, finishing the sentence "Higher means …", e.g. "more of your anger goes into your goals".',
  ),
  link: quizLinkSchema.describe('Guide passage offered when this is the part that needs the most care.'),
});

/** One statement the reader rates on the five-point scale: a scored statement, or a safety flag. */
export const quizItemSchema = z.strictObject({
  id: kebabCaseSchema.describe(
    'Kebab-case id, unique within the quiz. Keep it stable: share links and saved progress rely on item ' +
      'order and count.',
  ),
  text: createLineSchema(160).describe('One first-person statement holding one idea.'),
  subscale: kebabCaseSchema
    .optional()
    .describe('Id of the subscale this statement counts towards. Required, except on a safety statement.'),
  agreeing: z
    .enum(['more', 'less'])
    .optional()
    .describe(
      'Whether agreeing means more or less of what its subscale\'s title names ("My anger pushes me toward a goal" ' +
        'is "more" for "Anger as fuel"). Required, except on a safety statement.',
    ),
  safety: z
    .boolean()
    .default(false)
    .describe(
      'true on a statement whose agreement (4 or 5) shows the support box. A safety statement is a flag, not a ' +
        'score: it has no subscale, agreeing or pair. Defaults to false.',
    ),
  pair: kebabCaseSchema
    .optional()
    .describe(
      'Id of a statement in the same subscale that says the true opposite (one "more", one "less"); both must ' +
        'name each other. Strong agreement (or disagreement) with both is a sign the answers may be careless.',
    ),
});

/** One result band: a range of the normalized total with its own summary and suggestions. */
export const quizBandSchema = z.strictObject({
  id: kebabCaseSchema.describe('Kebab-case id, unique within the quiz.'),
  middle: z
    .boolean()
    .default(false)
    .describe(
      'true on the one band for a mixed or unclear picture. It must hold every total from 40 to 60, where ' +
        'near-neutral answers land, and its words must not lean hard or upbeat. Defaults to false.',
    ),
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
  polarity: polaritySchema.describe('Whether a high total is the harder or the healthier end.'),
  higherMeans: higherMeansSchema.describe(
    'What a high total means, finishing the sentence "Here a higher score means …".',
  ),
  carveOut: createProseSchema(400)
    .optional()
    .describe(
      'For readers whose ex hurt, threatened or controlled them: one to three sentences saying that this check is ' +
        'not about them and what happened was not their fault. Shown with the intro and with the result, followed ' +
        'by a link to abuse support. Leave it out where the check fits every reader.',
    ),
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
    .describe('Ten to sixteen items, in the order they are asked, at least one of them a safety statement.'),
  bands: z
    .array(quizBandSchema)
    .min(3, 'Define at least 3 bands.')
    .max(5, 'Define at most 5 bands.')
    .describe('Three to five bands, sorted, covering 0-100 with no gap or overlap, one of them the middle band.'),
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
    if (item.subscale !== undefined && !subscaleIds.has(item.subscale)) {
      addIssue(context, ['items', index, 'subscale'], `No subscale has the id "${item.subscale}".`);
    }
  });
  quiz.subscales.forEach((subscale, index) => {
    if (!usedIds.has(subscale.id)) {
      addIssue(context, ['subscales', index, 'id'], `No item uses the subscale "${subscale.id}".`);
    }
  });
}

/** A safety statement carries no scoring fields; every other statement carries both. */
function checkItemKinds(quiz: QuizShape, context: RefinementContext): void {
  quiz.items.forEach((item, index) => {
    if (item.safety) {
      for (const field of ['subscale', 'agreeing', 'pair'] as const) {
        if (item[field] !== undefined) {
          addIssue(
            context,
            ['items', index, field],
            `A safety statement is a flag, not a score: remove "${field}" (it counts towards no subscale or total).`,
          );
        }
      }
      return;
    }
    if (item.subscale === undefined) {
      addIssue(context, ['items', index, 'subscale'], 'Name the subscale this statement counts towards.');
    }
    if (item.agreeing === undefined) {
      addIssue(
        context,
        ['items', index, 'agreeing'],
        'Say whether agreeing means "more" or "less" of what its subscale names.',
      );
    }
  });
  if (!quiz.items.some((item) => item.safety)) {
    addIssue(
      context,
      ['items'],
      'No statement is marked safety: true. Every quiz needs one, so a reader in danger is shown where to find help.',
    );
  }
}

/** The scored statements that count towards the total: those of the subscales that run the quiz's way. */
function listTotalItems(quiz: QuizShape) {
  const polarityOf = new Map(quiz.subscales.map((subscale) => [subscale.id, subscale.polarity]));
  return quiz.items
    .filter(isScored)
    .filter((item) => polarityOf.has(item.subscale) && countsTowardTotal(polarityOf.get(item.subscale)!, quiz.polarity));
}

// A total over fewer statements than this moves in steps too coarse for its bands to mean much.
const MIN_TOTAL_ITEMS = 6;
const MIN_SUBSCALE_ITEMS = 3;

function checkTotal(quiz: QuizShape, context: RefinementContext): void {
  const items = listTotalItems(quiz);
  if (items.length < MIN_TOTAL_ITEMS) {
    addIssue(
      context,
      ['subscales'],
      `The total counts only subscales whose polarity is the quiz's (${quiz.polarity}); they hold ${items.length} ` +
        `statements, and the total needs at least ${MIN_TOTAL_ITEMS}.`,
    );
    return;
  }
  // Agreeing with everything (or disagreeing) must land in the middle, so "more" and "less" balance.
  const more = items.filter((item) => item.agreeing === 'more').length;
  const less = items.length - more;
  if (Math.abs(more - less) > 1) {
    addIssue(
      context,
      ['items'],
      `The statements that count towards the total must balance "more" and "less" within one, so that agreeing ` +
        `with everything lands in the middle: found ${more} "more" and ${less} "less".`,
    );
  }
}

function checkSubscaleSizes(quiz: QuizShape, context: RefinementContext): void {
  quiz.subscales.forEach((subscale, index) => {
    const count = quiz.items.filter((item) => item.subscale === subscale.id).length;
    if (count > 0 && count < MIN_SUBSCALE_ITEMS) {
      addIssue(
        context,
        ['subscales', index, 'id'],
        `"${subscale.id}" has ${count} statement${count === 1 ? '' : 's'}; give each subscale at least ${MIN_SUBSCALE_ITEMS}.`,
      );
    }
  });
}

function checkPairs(quiz: QuizShape, context: RefinementContext): void {
  const itemsById = new Map(quiz.items.map((item) => [item.id, item]));
  quiz.items.forEach((item, index) => {
    if (item.pair === undefined || item.safety) return;
    const path = ['items', index, 'pair'];
    const partner = itemsById.get(item.pair);
    if (item.pair === item.id) {
      addIssue(context, path, 'An item cannot be paired with itself.');
    } else if (partner === undefined) {
      addIssue(context, path, `No item has the id "${item.pair}".`);
    } else if (partner.safety) {
      addIssue(context, path, `"${partner.id}" is a safety statement, which has no pair: pair scored statements only.`);
    } else if (partner.pair !== item.id) {
      addIssue(context, path, `Pairs are symmetric: "${partner.id}" must name "${item.id}" in its own pair field.`);
    } else if (partner.subscale !== item.subscale) {
      addIssue(context, path, `A pair says opposite things about one subscale, but "${partner.id}" is in another.`);
    } else if (partner.agreeing === item.agreeing) {
      addIssue(
        context,
        path,
        `A pair joins one "more" and one "less" statement, but "${item.id}" and "${partner.id}" are both ` +
          `"${item.agreeing}".`,
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

// Near-neutral answers (an average within 0.4 of "Not sure") give totals from 40 to 60.
const MIDDLE_FROM = 40;
const MIDDLE_TO = 60;

function checkMiddleBand(quiz: QuizShape, context: RefinementContext): void {
  const middles = quiz.bands.flatMap((band, index) => (band.middle ? [index] : []));
  if (middles.length !== 1) {
    addIssue(
      context,
      ['bands'],
      `Mark exactly one band middle: true (found ${middles.length}): the band for a mixed or unclear picture.`,
    );
    return;
  }
  const index = middles[0];
  const band = quiz.bands[index];
  if (band.min > MIDDLE_FROM || band.max < MIDDLE_TO) {
    addIssue(
      context,
      ['bands', index],
      `The middle band must hold every total from ${MIDDLE_FROM} to ${MIDDLE_TO}, where near-neutral answers ` +
        `land; it holds ${band.min}-${band.max}.`,
    );
  }
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
  const totalCount = listTotalItems(quiz).length;
  if (!isLayoutValid || totalCount === 0) return;
  checkMiddleBand(quiz, context);
  bands.forEach((band, index) => {
    if (!isBandReachable(band.min, band.max, totalCount)) {
      addIssue(
        context,
        ['bands', index],
        `No total score can land in ${band.min}-${band.max} with ${totalCount} statements in the total; widen this band.`,
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
  checkItemKinds(quiz, context);
  checkSubscaleUse(quiz, context);
  checkSubscaleSizes(quiz, context);
  checkTotal(quiz, context);
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
/** What a high normalized score means for a quiz or a subscale. */
export type QuizPolarity = QuizDefinition['polarity'];
/** A statement that counts towards a subscale and the total. */
export type ScoredQuizItem = ScoredStatement<QuizItem>;
