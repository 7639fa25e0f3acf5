/**
 * Reading a built `_headers` file the way Netlify-style static hosts do: a line with a path pattern
 * starts a rule, the indented `Name: value` lines below it are the headers sent for every path it
 * matches. The build writes the file (src/features/headers/headers-integration.ts); the static server,
 * the header tests and the benchmark read it back through this module.
 */
import type { HeaderRule } from '../../src/features/headers/headers-integration.ts';

/**
 * Parses a `_headers` file. Throws on anything a host would misread: a header before any path, a
 * path that does not start with `/`, or a header line without a name and a value.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`line ${index + 1}: a rule must start with a path beginning with "/": ${line}`);
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`line ${index + 1}: a header comes before any path: ${line.trim()}`);
    const match = /^\s+([A-Za-z0-9-]+):\s*(\S.*?)\s*$/.exec(line);
    if (!match) throw new Error(`line ${index + 1}: expected "Name: value": ${line.trim()}`);
    rule.headers.push([match[1]!, match[2]!]);
  }
  return rules;
}

/** Whether a `_headers` path pattern matches a URL path (`*` matches any run of characters). */
export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The headers a host sends for a URL path, names in lower case: every matching rule applies, in file
 * order; a header set by two rules has its values joined with a comma, as Cloudflare Pages does.
 */
export function headersFor(rules: ReadonlyArray<HeaderRule>, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}
