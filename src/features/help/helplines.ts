/**
 * The helplines file, read once at build time, and what the pages need from it: the regions with only the
 * lines for one need, and the `tel:` and `sms:` addresses of a number.
 */
import { parse } from 'yaml';
import { assertNoProblems, checkAgainstSchema } from '../../kit/content-problems';
import { helplinesSchema, type HelplineNeed, type HelplineRegion, type Helplines } from './helpline-schema';
import helplinesSource from '../../../content/help/helplines.yaml?raw';

let helplines: Helplines | undefined;

/** Every region with its lines, as content/help/helplines.yaml lists them (parsed once). */
export function getHelplines(): Helplines {
  if (!helplines) {
    const data: unknown = parse(helplinesSource) ?? {};
    assertNoProblems(checkAgainstSchema('content/help/helplines.yaml', data, helplinesSchema));
    helplines = helplinesSchema.parse(data);
  }
  return helplines;
}

/** The regions with only the lines for `need`, and always the emergency ones; regions left empty are dropped. */
export function selectHelplines(regions: readonly HelplineRegion[], need?: HelplineNeed): HelplineRegion[] {
  if (!need) return [...regions];
  return regions
    .map((region) => ({ ...region, lines: region.lines.filter((line) => line.needs.includes(need) || line.needs.includes('emergency')) }))
    .filter((region) => region.lines.length > 0);
}

/** The address a phone opens for a number: `tel:08082000247` or `sms:85258`. */
export function toPhoneHref(scheme: 'tel' | 'sms', number: string): string {
  return `${scheme}:${number.replace(/\D/g, '')}`;
}
