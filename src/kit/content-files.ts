/**
 * The content folder as the build's checks read it: every file of a collection with its data (YAML files
 * whole, MDX files' frontmatter) and, for MDX, its body. Plain files only, so the checks run before Astro
 * loads anything and tests can run them on a copy changed in memory.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A content file as read from disk: its id (the file name), where it is, its data and (for MDX) its body. */
export interface ContentFile {
  id: string;
  /** Relative to the project, e.g. `content/quizzes/anger.yaml`. */
  filePath: string;
  data: unknown;
  body: string;
}

/** Splits an MDX file into its frontmatter data and body; null data when there is no frontmatter block. */
export function parseFrontmatter(text: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { data: parse(match[1]!) ?? {}, body: match[2]! } : { data: null, body: text };
}

/** Reads every YAML or MDX file of `content/<folder>/` under `root`, sorted by name. */
export function readContentFolder(root: string, folder: string): ContentFile[] {
  const dir = join(root, 'content', folder);
  return readdirSync(dir)
    .filter((name) => /\.(?:ya?ml|mdx)$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const id = name.replace(/\.(?:ya?ml|mdx)$/, '');
      const filePath = `content/${folder}/${name}`;
      if (!name.endsWith('.mdx')) return { id, filePath, data: parse(text) ?? {}, body: '' };
      return { id, filePath, ...parseFrontmatter(text) };
    });
}

/** Reads one YAML file of the content folder, e.g. `search/synonyms.yaml`. */
export function readContentFile(root: string, file: string): ContentFile {
  const filePath = `content/${file}`;
  const text = readFileSync(join(root, filePath), 'utf8');
  return { id: file.replace(/\.(?:ya?ml)$/, ''), filePath, data: parse(text) ?? {}, body: '' };
}
