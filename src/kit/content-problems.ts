/**
 * Problems with the content, each located by file and field, in one style for every rule and every schema:
 *
 *   content/quizzes/anger.yaml → items: no statement is marked safety: true. Hint: every quiz needs one, …
 *
 * Schema errors (zod issues) are turned into the same sentences by `problemsFromIssues`, which plays the part
 * of an error map: it keeps the schemas' own messages and rewrites zod's defaults into words an author can act
 * on, with the field's documentation as the hint. Starlight's error map was the model.
 */
import type { z } from 'astro/zod';

/** One thing wrong with the content, located by file and field. */
export interface ContentProblem {
  file: string;
  /** Where in the file, as `items[2].pair`; empty for the file as a whole. */
  field: string;
  message: string;
  /** What to do about it, when the message alone does not say. */
  hint?: string | undefined;
}

/** The minimum a content entry needs for these checks. */
interface Entry {
  id: string;
  filePath?: string | undefined;
}

/** Names an entry's file for messages, falling back to its id when the loader gave no path. */
export function describeFile(entry: Entry): string {
  return entry.filePath ?? entry.id;
}

/** Writes a zod path as a field name: `['items', 2, 'pair']` → `items[2].pair`. */
export function formatField(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : field === '' ? String(key) : `${field}.${String(key)}`),
    '',
  );
}

/** Lowers the first letter of a sentence that continues "file → field:", unless it starts a name or a code. */
function continueSentence(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
}

/** One problem as a line: `file → field: message Hint: hint`. */
export function formatProblem({ file, field, message, hint }: ContentProblem): string {
  const where = field === '' ? file : `${file} → ${field}`;
  return `${where}: ${continueSentence(message)}${hint ? ` Hint: ${hint}` : ''}`;
}

/** Turns problems into one message a content author can act on. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return `The content has ${count}:\n${problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}`;
}

/** Throws one error listing every problem, so the build stops with all of them at once. */
export function assertNoProblems(problems: readonly ContentProblem[]): void {
  if (problems.length > 0) throw new Error(formatProblems(problems));
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

// Zod's own messages start like this; a schema's own message never does.
const DEFAULT_MESSAGE = /^(?:Invalid input|Too small|Too big|Invalid option|Invalid string|Unrecognized key|Invalid|invalid key)\b/;

/** The schema of the field at `path`, looking through optional, default, pipe and array wrappers. */
function schemaAt(schema: AnySchema | undefined, path: readonly PropertyKey[]): AnySchema | undefined {
  let current = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = current?._zod.def as { shape?: Record<string, AnySchema>; element?: AnySchema; items?: AnySchema[] } | undefined;
    if (typeof key === 'number') current = def?.element ?? def?.items?.[key];
    else current = def?.shape?.[String(key)];
  }
  return current;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const def = current._zod.def as { innerType?: AnySchema; in?: AnySchema; type: string };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** A field's documentation (its `.describe()`), used as the hint. */
function describeField(schema: AnySchema | undefined, path: readonly PropertyKey[]): string | undefined {
  for (let field = schemaAt(schema, path); field; field = (field._zod.def as { innerType?: AnySchema }).innerType) {
    const description = (field as { description?: string }).description;
    if (description) return description;
  }
  return undefined;
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function describeSize(issue: Issue & { origin?: string }, limit: number | bigint, isMinimum: boolean): string {
  const bound = isMinimum ? 'at least' : 'at most';
  if (issue.origin === 'string') return `use ${bound} ${limit} characters.`;
  if (issue.origin === 'array' || issue.origin === 'set') return `give ${bound} ${limit} ${limit === 1 ? 'entry' : 'entries'}.`;
  return `must be ${bound} ${limit}.`;
}

/** A zod issue in an author's words: the schema's own message when it has one, else a plain rewrite. */
function describeIssue(issue: Issue): string {
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return 'is required.';
      const received = /received (\w+)$/.exec(issue.message)?.[1];
      const expected = issue.expected === 'int' ? 'a whole number' : withArticle(issue.expected);
      return `should be ${expected}${received ? `, not ${withArticle(received)}` : ''}.`;
    }
    case 'too_small':
      return describeSize(issue, issue.minimum, true);
    case 'too_big':
      return describeSize(issue, issue.maximum, false);
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'invalid_format':
      return 'does not have the expected form.';
    case 'invalid_key':
      // A record's key that failed its own schema: say what that schema said.
      return issue.issues.map((inner) => describeIssue(inner)).join(' ');
    default:
      return issue.message;
  }
}

/** Turns a schema's issues for one file into problems, one per issue (one per unknown key). */
export function problemsFromIssues(file: string, issues: readonly Issue[], schema?: AnySchema): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const shape = (unwrap(schemaAt(schema, issue.path))?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape;
      const known = shape ? Object.keys(shape).join(', ') : undefined;
      return issue.keys.map((key) => ({
        file,
        field: formatField([...issue.path, key]),
        message: `"${key}" is not a field of this file.`,
        hint: known ? `check the spelling; the fields here are ${known}.` : 'check the spelling.',
      }));
    }
    const ownMessage = !DEFAULT_MESSAGE.test(issue.message);
    return [
      {
        file,
        field: formatField(issue.path),
        message: describeIssue(issue),
        hint: ownMessage ? undefined : describeField(schema, issue.path),
      },
    ];
  });
}

/** Checks one file's data against its schema; the problems, or none. */
export function checkAgainstSchema(file: string, data: unknown, schema: z.ZodType): ContentProblem[] {
  const result = schema.safeParse(data);
  return result.success ? [] : problemsFromIssues(file, result.error.issues, schema);
}

/**
 * Finds duplicate and out-of-range orders. With N entries, N distinct orders between 1 and N can only be
 * 1 to N, so these two checks together also rule out gaps.
 */
export function checkOrders(entries: readonly (Entry & { data: { order: number } })[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstWithOrder = new Map<number, Entry>();
  const total = entries.length;
  for (const entry of entries) {
    const { order } = entry.data;
    const earlier = firstWithOrder.get(order);
    if (earlier) {
      problems.push({
        file: describeFile(entry),
        field: 'order',
        message: `order ${order} is already used by ${describeFile(earlier)}; each entry needs its own number.`,
      });
    } else firstWithOrder.set(order, entry);
    if (order > total) {
      problems.push({
        file: describeFile(entry),
        field: 'order',
        message: `order ${order} is too high: with ${total} entries the orders must run from 1 to ${total}.`,
      });
    }
  }
  return problems;
}

/** Finds references to ids that do not exist, e.g. a section naming an unknown topic. */
export function checkReferences(
  entries: readonly (Entry & { data: Record<string, unknown> })[],
  field: string,
  knownIds: ReadonlySet<string>,
  kind: string,
): ContentProblem[] {
  return entries.flatMap((entry) => {
    const value = entry.data[field];
    const ids = Array.isArray(value) ? value : [value];
    return ids.flatMap((id, index) =>
      typeof id === 'string' && !knownIds.has(id)
        ? [
            {
              file: describeFile(entry),
              field: Array.isArray(value) ? `${field}[${index}]` : field,
              message: `unknown ${kind} "${id}".`,
              hint: `the known ${kind}s are ${[...knownIds].sort().join(', ')}.`,
            },
          ]
        : [],
    );
  });
}
