/**
 * Building blocks shared by the content schemas, with their messages written once: ids, one-line texts and
 * short prose. Trimming first lets YAML block scalars (which end with a newline) pass the length and
 * one-line checks.
 */
import { z } from 'astro/zod';

/** What every id and slug looks like: lowercase letters and digits joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case identifier such as `letting-go`, used for ids, slugs and anchors. */
export const kebabIdSchema = z
  .string()
  .regex(KEBAB_CASE, 'Use kebab-case: lowercase letters and digits joined by single hyphens, like "letting-go".');

const LINE_BREAK = /[\r\n]/;

/** A text on one line, trimmed, of `minLength` to `maxLength` characters. */
export function createLineSchema(maxLength: number, minLength = 1) {
  return z
    .string()
    .trim()
    .min(minLength, minLength === 1 ? 'This cannot be empty.' : `Use at least ${minLength} characters.`)
    .max(maxLength, `Keep this to ${maxLength} characters or fewer.`)
    .refine((text) => !LINE_BREAK.test(text), 'Keep this on one line.');
}

/** A text that may run over several lines, trimmed, of at most `maxLength` characters. */
export function createProseSchema(maxLength: number, minLength = 1) {
  return z
    .string()
    .trim()
    .min(minLength, minLength === 1 ? 'This cannot be empty.' : `Use at least ${minLength} characters.`)
    .max(maxLength, `Keep this to ${maxLength} characters or fewer.`);
}

/** A meta description: one plain sentence for search engines and link previews. */
export const descriptionSchema = createLineSchema(160, 70);
