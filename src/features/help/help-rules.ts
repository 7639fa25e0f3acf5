/**
 * The helplines' rules that the schema alone cannot state, run with the rest of the content (see
 * src/content-check.ts): every line can be reached, a word to text comes with a number to text it to, an
 * emergency line has a number to call, every region has an emergency line and a line to talk to, and no two
 * regions share an id (their anchors would clash).
 */
import type { ContentProblem } from '../../kit/content-problems';
import type { Helplines } from './helpline-schema';

/** Every problem the helplines file has across its fields. */
export function checkHelplines(file: string, helplines: Helplines): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Set<string>();
  helplines.regions.forEach((region, r) => {
    const at = `regions[${r}]`;
    if (ids.has(region.id)) problems.push({ file, field: `${at}.id`, message: `the id "${region.id}" is already used by another region.` });
    ids.add(region.id);
    for (const [need, what] of [['emergency', 'number for danger now'], ['crisis', 'line to talk to']] as const) {
      if (!region.lines.some((line) => line.needs.includes(need))) {
        problems.push({
          file,
          field: `${at}.lines`,
          message: `no ${what} (needs: ${need}) in ${region.name}.`,
          hint: 'every region needs a number for danger now (emergency) and a line to talk to (crisis).',
        });
      }
    }
    region.lines.forEach((line, l) => {
      const field = `${at}.lines[${l}]`;
      if (!line.call && !line.text && !line.site) {
        problems.push({ file, field, message: `"${line.name}" has no way to reach it.`, hint: 'give call, text or site.' });
      }
      if (line.textWord && !line.text) {
        problems.push({ file, field: `${field}.textWord`, message: 'a word to text needs a number to text it to.', hint: 'add text, or remove textWord.' });
      }
      if (line.needs.includes('emergency') && !line.call) {
        problems.push({ file, field: `${field}.call`, message: `"${line.name}" is an emergency line without a number to call.` });
      }
    });
  });
  return problems;
}
