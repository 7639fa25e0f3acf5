/** Fills `{name}` slots of a sentence from the page's copy (see data/copy.ts) with values. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}
