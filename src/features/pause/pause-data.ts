/**
 * What the "Before you text them" tool on Right now keeps on this device: two collections (kit/collection.ts).
 *
 * `letting-go:pause-drafts`, format 1: the messages the reader wrote, one entry per message.
 *   { "id", "updatedAt": ISO 8601,
 *     "createdAt": ISO 8601,            when the reader began writing it
 *     "text": string,                   the message, as typed (up to MAX_TEXT_LENGTH characters)
 *     "startedAt": ISO 8601 | null,     when the twenty-minute pause began; null while still only written
 *     "stoppedAt": ISO 8601 | null,     when the reader chose to end the pause early; null otherwise
 *     "chosenAt": ISO 8601 | null,      when the reader chose "Keep it, unsent" or "I still want to send it"
 *     "choice": "keep" | "send" | null, that choice (deleting removes the entry, so it is never stored)
 *     "keptAt": ISO 8601 | null }       when the message was put aside, unsent, with the reader's other kept ones
 * Lifecycle: an entry is written (debounced) as soon as the reader types, and again as they go on typing,
 * start the pause, end it early or choose. The message being worked on is the newest entry with no `keptAt`;
 * a kept one stays until the reader deletes it. "Delete the message" removes the entry at once. After "I still
 * want to send it" the message stays (copied, never sent) until the reader deletes or keeps it. When the
 * quizzes' saving choice is off (kit/preferences.ts), nothing new is written here: the page holds it.
 *
 * `letting-go:pause-log`, format 1: one entry per pause that ended in a choice.
 *   { "id", "updatedAt": ISO 8601,
 *     "startedAt": ISO 8601,            when the pause began
 *     "chosenAt": ISO 8601,             when the reader chose
 *     "choice": "delete" | "keep" | "send",
 *     "endedEarly": boolean,            true when the reader chose before the twenty minutes were up
 *     "feeling": string | null }        the one word the reader picked for how they felt, if any
 * Lifecycle: written once, when the reader chooses (its id is the message's, so two tabs choosing for the
 * same message leave one entry); removed only by the reader, one entry or all that were shown.
 * The log never holds the message's words.
 *
 * Both follow kit/collection.ts: every write re-reads and merges, nothing is trimmed, an empty collection
 * leaves no key. There are no older formats yet: a future format 2 reads format 1 entries in `readEntry`.
 */
import { hasEntryBasics, type CollectionEntry, type CollectionSpec } from '../../kit/collection';
import { isTime } from '../../kit/storage';

/** The longest message kept: far more than any text message, small enough for the browser's storage. */
export const MAX_TEXT_LENGTH = 20_000;
/** The longest feeling word kept (the page offers a few short words). */
const MAX_FEELING_LENGTH = 40;

/** What the reader chose after the pause. */
export type PauseChoice = 'delete' | 'keep' | 'send';

/** A message the reader wrote, with its pause. */
export interface PauseDraft extends CollectionEntry {
  createdAt: string;
  text: string;
  startedAt: string | null;
  stoppedAt: string | null;
  chosenAt: string | null;
  choice: 'keep' | 'send' | null;
  keptAt: string | null;
}

/** One use of the pause, as the log keeps it. */
export interface PauseLogEntry extends CollectionEntry {
  startedAt: string;
  chosenAt: string;
  choice: PauseChoice;
  endedEarly: boolean;
  feeling: string | null;
}

function timeOrNull(value: unknown): string | null | undefined {
  if (value === null) return null;
  return isTime(value) ? value : undefined;
}

/** Reads one stored message; null when it is not usable. */
export function readDraft(value: unknown): PauseDraft | null {
  if (!hasEntryBasics(value)) return null;
  const { createdAt, text, choice } = value;
  const [startedAt, stoppedAt, chosenAt, keptAt] = [value.startedAt, value.stoppedAt, value.chosenAt, value.keptAt].map(timeOrNull);
  if (!isTime(createdAt) || typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return null;
  if (startedAt === undefined || stoppedAt === undefined || chosenAt === undefined || keptAt === undefined) return null;
  if (choice !== null && choice !== 'keep' && choice !== 'send') return null;
  return { id: value.id, updatedAt: value.updatedAt, createdAt, text, startedAt, stoppedAt, chosenAt, choice, keptAt };
}

const CHOICES: readonly string[] = ['delete', 'keep', 'send'] satisfies PauseChoice[];

/** Reads one stored log entry; null when it is not usable. */
export function readLogEntry(value: unknown): PauseLogEntry | null {
  if (!hasEntryBasics(value)) return null;
  const { startedAt, chosenAt, choice, endedEarly, feeling } = value;
  if (!isTime(startedAt) || !isTime(chosenAt) || typeof choice !== 'string' || !CHOICES.includes(choice)) return null;
  if (typeof endedEarly !== 'boolean') return null;
  const word = typeof feeling === 'string' ? feeling.trim() : null;
  if (feeling !== null && (word === null || word.length === 0 || word.length > MAX_FEELING_LENGTH)) return null;
  return { id: value.id, updatedAt: value.updatedAt, startedAt, chosenAt, choice: choice as PauseChoice, endedEarly, feeling: word };
}

/** The messages, with their pause. */
export const PAUSE_DRAFTS: CollectionSpec<PauseDraft> = { name: 'pause-drafts', format: 1, readEntry: readDraft };

/** The log of pauses. */
export const PAUSE_LOG: CollectionSpec<PauseLogEntry> = { name: 'pause-log', format: 1, readEntry: readLogEntry };

/** A new id; randomUUID exists only in secure contexts (https, localhost), and one device is all it must cover. */
export function createPauseId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
