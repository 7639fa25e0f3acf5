import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The repository's content folder. */
export const CONTENT_DIR = new URL('../../content/', import.meta.url).pathname;

/** A content file as read from disk: where it is, its data and (for MDX) its body. */
export interface ContentFile {
  id: string;
  filePath: string;
  data: unknown;
  body: string;
}

/** Reads every file of a collection folder: YAML files whole, MDX files as frontmatter and body. */
export function readCollection(folder: string): ContentFile[] {
  const dir = join(CONTENT_DIR, folder);
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|mdx)$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const id = name.replace(/\.(ya?ml|mdx)$/, '');
      const filePath = `content/${folder}/${name}`;
      if (!name.endsWith('.mdx')) return { id, filePath, data: parse(text), body: '' };
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${filePath} has no frontmatter block.`);
      return { id, filePath, data: parse(match[1]!), body: match[2]! };
    });
}
