/**
 * The workbook's collection, `letting-go:workbook` (kit/collection.ts): its entry shape and how a stored entry
 * is read. Kept apart from the rest of the workbook (workbook.ts) because the device-data registry, and with it
 * every page that backs up or erases, needs only this. The format is described at the top of workbook.ts.
 */
import { collectionKey, hasEntryBasics, type CollectionEntry, type CollectionSpec } from '../../kit/collection';
import { isPlainObject, isTime } from '../../kit/storage';

/** One step's answer as stored. */
export interface StepAnswer {
  step: number;
  prompt: string;
  text: string;
  updatedAt: string;
}

/** A section's note as stored. */
export interface WorkbookEntry extends CollectionEntry {
  title: string;
  steps: StepAnswer[];
}

/** The most steps a note can hold by place; an exercise has at most five. */
const MAX_STEPS = 50;

function readStep(value: unknown, fallbackTime: string): StepAnswer | null {
  if (!isPlainObject(value)) return null;
  const { step, prompt, text, updatedAt } = value;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= MAX_STEPS) return null;
  if (typeof text !== 'string') return null;
  // A missing time or prompt is no reason to lose the words: they take the note's time and an empty prompt.
  return { step, prompt: typeof prompt === 'string' ? prompt : '', text, updatedAt: isTime(updatedAt) ? updatedAt : fallbackTime };
}

/** Reads one stored entry (format 1, the only one so far); null when it cannot be used. */
export function readWorkbookEntry(value: unknown, format: number): WorkbookEntry | null {
  if (format !== 1 || !hasEntryBasics(value) || !Array.isArray(value.steps)) return null;
  const byStep = new Map<number, StepAnswer>();
  for (const stored of value.steps) {
    const step = readStep(stored, value.updatedAt);
    const other = step && byStep.get(step.step);
    // The same step twice: the later change is the one the reader last saw.
    if (step && (!other || Date.parse(step.updatedAt) > Date.parse(other.updatedAt))) byStep.set(step.step, step);
  }
  return {
    id: value.id,
    updatedAt: value.updatedAt,
    title: typeof value.title === 'string' ? value.title : '',
    steps: [...byStep.values()].sort((first, second) => first.step - second.step),
  };
}

/** The workbook collection. */
export const WORKBOOK_SPEC: CollectionSpec<WorkbookEntry> = { name: 'workbook', format: 1, readEntry: readWorkbookEntry };

/** The storage key of the workbook, `letting-go:workbook`. */
export const WORKBOOK_KEY = collectionKey(WORKBOOK_SPEC);
