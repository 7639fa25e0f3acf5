/**
 * My notes as a Markdown file: a heading for the file, a heading per section, the step's words as a
 * sub-heading and the reader's answer below it. Whatever the reader typed stays their words and never becomes
 * Markdown: a "#" cannot start a heading, a "---" cannot draw a line or turn the line above into a heading,
 * "*" and "_" make no emphasis, "<" opens no HTML, "|" builds no table. Every character that could mean
 * something is escaped with a backslash, as CommonMark allows for any ASCII punctuation; everything else is
 * left as typed, so the file reads naturally as plain text too.
 *
 * What changes on the way, on purpose: spaces at the start and end of a line are dropped (Markdown would hide
 * them, or turn an indented line into code); runs of blank lines become one, which separates paragraphs as it
 * did on screen; each line break inside a paragraph is kept as a Markdown line break (two spaces at the end of
 * the line). `normalizeAnswer` is exactly that, and a Markdown reader shows the text it returns.
 */

/** One note as the file shows it. */
export interface MarkdownNote {
  /** The section's title (or, for a section no longer in the guide, the exercise's). */
  heading: string;
  /** A line under the heading: the exercise and when the note last changed. */
  about: string;
  /** The steps the reader wrote in, with the step's words. */
  steps: ReadonlyArray<{ prompt: string; text: string }>;
}

/** The words of the file around the notes. */
export interface MarkdownWords {
  heading: string;
  intro: string;
}

/** The line endings any browser or system may hand over, as "\n". */
function toLines(text: string): string[] {
  // A NUL is shown as U+FFFD by every CommonMark reader; say so here, so that what we promise is what it shows.
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD').split('\n');
}

/** The answer as a Markdown reader shows it: paragraphs split by one blank line, lines trimmed. */
export function normalizeAnswer(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of toLines(text).map((part) => part.trim())) {
    if (line !== '') paragraphs[paragraphs.length - 1]!.push(line);
    else if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

/** A one-line text (headings): every run of white space, line breaks included, as one space. */
function oneLine(text: string): string {
  return toLines(text).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Escapes one trimmed line so it reads as plain text wherever it stands. Anywhere in a line: the backslash
 * itself, and what makes code, emphasis, links, strikethrough, tables and headings (`` ` * _ [ ] ~ | # ``);
 * "<" before what could open a tag; "&" where it would spell a character reference; and what makes a web or
 * e-mail address a link of its own ("www.", "https:", "@"), because inside such a link a backslash would show.
 * At the start of a line: what starts a quote, a list, a line, a heading underline or a table's rule line
 * (`> - + = :`), and the "." or ")" after a number.
 */
export function escapeLine(line: string): string {
  const inline = line
    .replace(/[\\`*_[\]~|#@]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/(https?|mailto|xmpp):/gi, '$1\\:');
  return inline.replace(/^[>\-+=:]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An answer as Markdown paragraphs, each line escaped, lines inside a paragraph ending in a line break. */
export function answerToMarkdown(text: string): string {
  return normalizeAnswer(text)
    .split('\n\n')
    .map((paragraph) => paragraph.split('\n').map(escapeLine).join('  \n'))
    .join('\n\n');
}

/** A heading of the given level with the text escaped; a heading with no words gets `fallback`. */
function heading(level: number, text: string, fallback: string): string {
  const words = oneLine(text);
  return `${'#'.repeat(level)} ${escapeLine(words === '' ? fallback : words)}`;
}

/** The whole file: UTF-8 text, one heading per section, a sub-heading per step, the answer below it. */
export function createNotesMarkdown(notes: readonly MarkdownNote[], words: MarkdownWords): string {
  const blocks = [heading(1, words.heading, 'My notes'), escapeLine(oneLine(words.intro))];
  for (const note of notes) {
    blocks.push(heading(2, note.heading, 'A note'), escapeLine(oneLine(note.about)));
    note.steps.forEach((step, index) => {
      const answer = answerToMarkdown(step.text);
      if (answer !== '') blocks.push(heading(3, step.prompt, `Step ${index + 1}`), answer);
    });
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The file's name for a day in the reader's own time zone: letting-go-notes-2026-12-01.md. */
export function notesFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `letting-go-notes-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.md`;
}
