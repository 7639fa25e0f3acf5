/**
 * The helplines shown on Help and on the page for readers whose ex hurt them (`content/help/helplines.yaml`):
 * regions (countries, and a last one for anywhere else), each with its lines in the order they are shown.
 * Every line says what it is for, how to reach it, and where its number was confirmed: a page of the
 * organisation itself or, for emergency numbers and services a government runs or funds, the government's
 * own page. A number that could not be confirmed there is left out; the line then links to the
 * organisation's site instead. Rules across fields are in help-rules.ts.
 */
import { z } from 'astro/zod';
import { createLineSchema, kebabIdSchema } from '../../kit/schema-parts';

/** What a line is for; a line may be for several. */
export const HELPLINE_NEEDS = ['emergency', 'crisis', 'abuse', 'own-behaviour'] as const;

/** One of HELPLINE_NEEDS. */
export type HelplineNeed = (typeof HELPLINE_NEEDS)[number];

/** A number as it is dialled or texted: digits, in groups split by single spaces. */
const numberSchema = z
  .string()
  .trim()
  .max(16, 'Keep a number to 16 characters or fewer.')
  .regex(/^\d+(?: \d+)*$/, 'Write a number in digits, with single spaces between groups, like "0808 2000 247".');

export const helplineSourceSchema = z.strictObject({
  organisation: createLineSchema(100).describe(
    'Who published the page: the organisation itself, or the government for emergency numbers and services it runs or funds.',
  ),
  url: z
    .url({ protocol: /^https?$/, error: 'Give the full address of the page, starting with https:// (or http://).' })
    .describe('The page that shows the number (or, for a line without one, that the service exists).'),
});

export const helplineSchema = z.strictObject({
  name: createLineSchema(60).describe("The line's name as its organisation writes it."),
  needs: z
    .array(z.enum(HELPLINE_NEEDS))
    .min(1, 'Say what the line is for.')
    .describe(
      'What the line is for: emergency (danger now), crisis (someone to talk to), abuse (hurt, scared or controlled by a partner), own-behaviour (afraid you might hurt someone).',
    ),
  about: createLineSchema(200, 20).describe('One plain sentence on who it is for, and when it is open if the source says so.'),
  call: z.array(numberSchema).min(1).optional().describe('Numbers to call, as dialled, like ["116 123"].'),
  text: numberSchema.optional().describe('The number to text, where the source says texting works.'),
  textWord: createLineSchema(20)
    .optional()
    .describe('The word to send first, only where the source gives one (Kids Help Phone: CONNECT).'),
  site: z
    .url({ protocol: /^https$/, error: 'Give the full address of the site, starting with https://.' })
    .optional()
    .describe("The organisation's own site: for a line whose number could not be confirmed, or a directory of lines."),
  source: helplineSourceSchema.describe('Where the number was confirmed. Not shown to readers; check it again before each release.'),
});

export const helplineRegionSchema = z.strictObject({
  id: kebabIdSchema.describe('A short id for the region\'s anchor: "uk" gives #help-uk.'),
  name: createLineSchema(40).describe('The country as readers know it, or "Anywhere else" for the last region.'),
  lines: z.array(helplineSchema).min(1, 'Give at least one line.').describe('The lines, in the order the page shows them.'),
});

export const helplinesSchema = z.strictObject({
  regions: z
    .array(helplineRegionSchema)
    .min(1, 'Give at least one region.')
    .describe('The countries, in the order the page shows them, then one region for anywhere else.'),
});

/** One line, as the page renders it. */
export type Helpline = z.output<typeof helplineSchema>;
/** One country (or "anywhere else") with its lines. */
export type HelplineRegion = z.output<typeof helplineRegionSchema>;
/** The whole helplines file. */
export type Helplines = z.output<typeof helplinesSchema>;
