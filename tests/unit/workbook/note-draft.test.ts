import { describe, expect, it, vi } from 'vitest';
import { createNoteDraft } from '../../../src/features/workbook/note-draft';
import { loadNote, type Exercise } from '../../../src/features/workbook/workbook';
import { WORKBOOK_KEY } from '../../../src/features/workbook/workbook-spec';
import { PREFERENCES_STORAGE_KEY } from '../../../src/kit/preferences';
import { createMemoryStorage } from '../kit/memory-storage';

const EXERCISE: Exercise = { id: 'plan-one-kind-week', title: 'Plan one kind week', steps: ['Choose a bedtime.', 'Name one friend.'] };
const SAVING_OFF = { [PREFERENCES_STORAGE_KEY]: JSON.stringify({ isSavingResults: false, lastBackupAt: null }) };

function clock() {
  let minute = 0;
  return () => new Date(Date.UTC(2026, 11, 1, 9, (minute += 1)));
}

describe('a note being written', () => {
  it('keeps what is typed once saved, and asks the browser to keep the site’s data after the first save only', () => {
    const storage = createMemoryStorage();
    const onSaved = vi.fn();
    const draft = createNoteDraft({ storage, now: clock(), onSaved }, EXERCISE);
    expect(draft.store.get()).toMatchObject({ keeping: 'keep', isStored: false, problem: null });
    draft.edit(0, 'Eleven, no phone in bed.');
    expect(draft.isWaiting()).toBe(true);
    expect(storage.data.has(WORKBOOK_KEY)).toBe(false);
    draft.save();
    // Said once: the same news object stays through later saves, so the page's status line does not change.
    const saved = draft.store.get().news;
    expect(saved).toEqual({ kind: 'saved' });
    draft.edit(1, 'Sam');
    draft.save();
    expect(draft.store.get().news).toBe(saved);
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(draft.isWaiting()).toBe(false);
    expect(loadNote(storage, EXERCISE.id).entry?.steps.map((step) => step.text)).toEqual(['Eleven, no phone in bed.', 'Sam']);
    // Opened again (a reload), the words are there.
    expect(createNoteDraft({ storage }, EXERCISE).store.get().rows.map((row) => row.text)).toEqual(['Eleven, no phone in bed.', 'Sam']);
  });

  it('asks first when the reader chose not to keep results, and keeps nothing until they say so', () => {
    const storage = createMemoryStorage(SAVING_OFF);
    const draft = createNoteDraft({ storage, now: clock() }, EXERCISE);
    expect(draft.store.get().keeping).toBe('ask');
    draft.edit(0, 'not kept yet');
    draft.save();
    expect(storage.data.has(WORKBOOK_KEY)).toBe(false);
    draft.keep();
    expect(draft.store.get()).toMatchObject({ keeping: 'keep', isKeptByChoice: true, isStored: true, news: { kind: 'now-kept' } });
    expect(loadNote(storage, EXERCISE.id).entry?.steps[0]?.text).toBe('not kept yet');
    // The choice is for this note: the quizzes' saving choice is unchanged, and the note stays kept next time.
    expect(JSON.parse(storage.data.get(PREFERENCES_STORAGE_KEY)!).isSavingResults).toBe(false);
    expect(createNoteDraft({ storage }, EXERCISE).store.get()).toMatchObject({ keeping: 'keep', isKeptByChoice: true });
  });

  it('writes without keeping when the reader says so, ignoring other tabs', () => {
    const storage = createMemoryStorage(SAVING_OFF);
    const draft = createNoteDraft({ storage, now: clock() }, EXERCISE);
    draft.writeOnly();
    draft.edit(0, 'only on screen');
    draft.save();
    draft.sync();
    expect(draft.store.get().keeping).toBe('no');
    expect(draft.store.get().rows[0]!.text).toBe('only on screen');
    expect(storage.data.has(WORKBOOK_KEY)).toBe(false);
  });

  it('says at once when storage is full, keeps the words on screen, and stops saying so once they are kept', () => {
    const storage = createMemoryStorage();
    const draft = createNoteDraft({ storage, now: clock() }, EXERCISE);
    draft.edit(1, 'Kept before.');
    draft.save();
    expect(draft.store.get().news).toEqual({ kind: 'saved' });
    storage.mode = 'quota';
    draft.edit(0, 'Please keep this.');
    draft.save();
    // "Saved" is no longer true, so it goes; what was kept before stays kept.
    expect(draft.store.get()).toMatchObject({ problem: 'quota', isStored: true, news: null });
    expect(loadNote(storage, EXERCISE.id).entry?.steps.map((step) => step.text)).toEqual(['Kept before.']);
    expect(draft.store.get().rows[0]!.text).toBe('Please keep this.');
    storage.mode = 'normal';
    draft.save();
    expect(draft.store.get()).toMatchObject({ problem: null, isStored: true, news: { kind: 'saved-again' } });
  });

  it('takes in another tab’s words, and says once when both tabs wrote in the same step', () => {
    const storage = createMemoryStorage();
    const now = clock();
    const tabA = createNoteDraft({ storage, now }, EXERCISE);
    const tabB = createNoteDraft({ storage, now }, EXERCISE);
    tabA.edit(0, 'Ten thirty.');
    tabA.save();
    tabB.sync();
    expect(tabB.store.get()).toMatchObject({ news: { kind: 'updated' } });
    expect(tabB.store.get().rows[0]!.text).toBe('Ten thirty.');
    // Both type in step 2 before hearing of each other.
    tabA.edit(1, 'Call Sam.');
    tabB.edit(1, 'Text Ana.');
    tabA.save();
    tabB.sync();
    expect(tabB.store.get().news).toEqual({ kind: 'joined', step: 1 });
    expect(tabB.store.get().rows[1]!.text).toBe('Text Ana.\n\nCall Sam.');
    // B stored the joined words at once; A takes them when it hears of it.
    tabA.sync();
    expect(tabA.store.get().rows[1]!.text).toBe('Text Ana.\n\nCall Sam.');
    expect(loadNote(storage, EXERCISE.id).entry?.steps[1]?.text).toBe('Text Ana.\n\nCall Sam.');
  });

  it('says so when the note was deleted in another tab, and starts a new one when the reader writes on', () => {
    const storage = createMemoryStorage();
    const draft = createNoteDraft({ storage, now: clock() }, EXERCISE);
    draft.edit(0, 'gone soon');
    draft.save();
    storage.data.delete(WORKBOOK_KEY);
    draft.sync();
    expect(draft.store.get()).toMatchObject({ news: { kind: 'gone' }, isStored: false });
    expect(draft.store.get().rows[0]!.text).toBe('');
    draft.edit(1, 'again');
    draft.save();
    expect(loadNote(storage, EXERCISE.id).entry?.steps.map((step) => step.text)).toEqual(['again']);
  });

  it('says what it could not read', () => {
    expect(createNoteDraft({ storage: null }, EXERCISE).store.get().loadProblem).toBe('unavailable');
    expect(createNoteDraft({ storage: createMemoryStorage({ [WORKBOOK_KEY]: '{' }) }, EXERCISE).store.get().loadProblem).toBe('corrupt');
  });
});
