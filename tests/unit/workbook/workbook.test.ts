import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRows, loadNote, reconcile, saveNote, type DraftRow, type Exercise } from '../../../src/features/workbook/workbook';
import { WORKBOOK_KEY, WORKBOOK_SPEC, readWorkbookEntry, type WorkbookEntry } from '../../../src/features/workbook/workbook-spec';
import { COLLECTIONS } from '../../../src/features/device-data/collections';
import { createBackup, restoreBackupText } from '../../../src/features/device-data/backup';
import { describeKept } from '../../../src/features/device-data/erase';
import { createMemoryStorage } from '../kit/memory-storage';

const EXERCISE: Exercise = {
  id: 'turning-rage-into-fuel',
  title: 'Give your anger a job',
  steps: ['Write down what made you angry.', 'Write what it makes you want to do.', 'Pick one thing to push forward.'],
};

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const iso = (minute: number) => at(minute).toISOString();

function stored(steps: WorkbookEntry['steps'], minute = 5, id = EXERCISE.id): string {
  return JSON.stringify({ format: 1, entries: [{ id, updatedAt: iso(minute), title: EXERCISE.title, steps }] });
}

/** Types `text` into a step of the rows, as the writer does. */
function type(rows: readonly DraftRow[], step: number, text: string, minute: number): DraftRow[] {
  return rows.map((row) => (row.step === step ? { ...row, text, changedAt: iso(minute) } : row));
}

describe('reading a stored note', () => {
  it('keeps the words of every usable step, sorted by place, and the later of a step kept twice', () => {
    const entry = readWorkbookEntry(
      {
        id: 'a-section',
        updatedAt: iso(9),
        title: 'Split the page',
        steps: [
          { step: 2, prompt: 'Third', text: 'c', updatedAt: iso(3) },
          { step: 0, prompt: 'First', text: 'old', updatedAt: iso(1) },
          { step: 0, prompt: 'First', text: 'new', updatedAt: iso(2) },
          { step: 1, text: 'no prompt or time' },
          { step: -1, text: 'outside' },
          { step: 1.5, text: 'not a place' },
          { step: 3, prompt: 'x', text: 42 },
          'nonsense',
        ],
      },
      1,
    );
    expect(entry).toEqual({
      id: 'a-section',
      updatedAt: iso(9),
      title: 'Split the page',
      steps: [
        { step: 0, prompt: 'First', text: 'new', updatedAt: iso(2) },
        // A missing prompt or time is no reason to lose the words.
        { step: 1, prompt: '', text: 'no prompt or time', updatedAt: iso(9) },
        { step: 2, prompt: 'Third', text: 'c', updatedAt: iso(3) },
      ],
    });
  });

  it.each([
    ['no id', { updatedAt: iso(1), title: 't', steps: [] }],
    ['no time', { id: 'a', title: 't', steps: [] }],
    ['no steps', { id: 'a', updatedAt: iso(1), title: 't' }],
    ['not an object', 'a note'],
  ])('refuses an entry with %s', (_, value) => {
    expect(readWorkbookEntry(value, 1)).toBeNull();
  });

  it('reads format 1, the only format so far, and leaves a newer one alone', () => {
    const storage = createMemoryStorage({ [WORKBOOK_KEY]: JSON.stringify({ format: 2, entries: [{ id: 'x' }] }) });
    expect(readWorkbookEntry({ id: 'a', updatedAt: iso(1), steps: [] }, 2)).toBeNull();
    expect(loadNote(storage, 'x')).toEqual({ status: 'newer', entry: null });
    expect(saveNote(storage, EXERCISE, type(createRows(EXERCISE, null), 0, 'hi', 1), at(2)).outcome).toEqual({ ok: false, reason: 'newer-data' });
  });

  it('is the collection the backup, "Erase everything" and the lock handle, named as workbook notes', () => {
    expect(WORKBOOK_KEY).toBe('letting-go:workbook');
    expect(COLLECTIONS.find(({ spec }) => spec === WORKBOOK_SPEC)?.words).toEqual({ one: '1 workbook note', many: '{count} workbook notes' });
    const storage = createMemoryStorage({ [WORKBOOK_KEY]: stored([{ step: 0, prompt: 'p', text: 'mine', updatedAt: iso(1) }]) });
    expect(describeKept(storage).collections).toEqual([{ words: { one: '1 workbook note', many: '{count} workbook notes' }, count: 1 }]);
    const elsewhere = createMemoryStorage();
    const restored = restoreBackupText(elsewhere, createBackup(storage), []);
    expect(restored.ok && restored.report.collections[0]?.addedCount).toBe(1);
    expect(loadNote(elsewhere, EXERCISE.id).entry?.steps[0]?.text).toBe('mine');
  });
});

describe('the boxes of a note', () => {
  it('has one box per step, with today’s words and, when they changed, the words the answer was written to', () => {
    const entry = readWorkbookEntry(
      JSON.parse(
        stored([
          { step: 0, prompt: 'Write down what made you angry.', text: 'same', updatedAt: iso(1) },
          { step: 1, prompt: 'The old second step.', text: 'changed', updatedAt: iso(1) },
          { step: 7, prompt: 'A step since removed.', text: 'still mine', updatedAt: iso(1) },
          { step: 8, prompt: 'Removed and empty.', text: '', updatedAt: iso(1) },
        ]),
      ).entries[0],
      1,
    );
    const rows = createRows(EXERCISE, entry);
    expect(rows.map(({ step, prompt, askedAs, isCurrent, text }) => ({ step, prompt, askedAs, isCurrent, text }))).toEqual([
      { step: 0, prompt: EXERCISE.steps[0], askedAs: null, isCurrent: true, text: 'same' },
      { step: 1, prompt: EXERCISE.steps[1], askedAs: 'The old second step.', isCurrent: true, text: 'changed' },
      { step: 2, prompt: EXERCISE.steps[2], askedAs: null, isCurrent: true, text: '' },
      { step: 7, prompt: 'A step since removed.', askedAs: null, isCurrent: false, text: 'still mine' },
    ]);
  });
});

describe('saving', () => {
  it('stores the words with the step’s words of today, and removes the note once every box is empty', () => {
    const storage = createMemoryStorage();
    let saved = saveNote(storage, EXERCISE, type(createRows(EXERCISE, null), 1, 'I want to shout.', 1), at(2));
    expect(saved.outcome).toEqual({ ok: true });
    expect(saved.isStored).toBe(true);
    expect(JSON.parse(storage.data.get(WORKBOOK_KEY)!)).toEqual({
      format: 1,
      entries: [{ id: EXERCISE.id, updatedAt: iso(2), title: EXERCISE.title, steps: [{ step: 1, prompt: EXERCISE.steps[1], text: 'I want to shout.', updatedAt: iso(2) }] }],
    });
    expect(saved.rows.every((row) => row.changedAt === null)).toBe(true);
    saved = saveNote(storage, EXERCISE, type(saved.rows, 1, '   ', 3), at(4));
    expect(saved.isStored).toBe(false);
    expect(storage.data.has(WORKBOOK_KEY)).toBe(false);
  });

  it('keeps the words on screen and waiting when storage is full, and stores them once there is room', () => {
    const storage = createMemoryStorage({}, 'quota');
    const rows = type(createRows(EXERCISE, null), 0, 'Keep me.', 1);
    const failed = saveNote(storage, EXERCISE, rows, at(2));
    expect(failed.outcome).toEqual({ ok: false, reason: 'quota' });
    expect(failed.rows[0]).toMatchObject({ text: 'Keep me.', changedAt: iso(1) });
    storage.mode = 'normal';
    expect(saveNote(storage, EXERCISE, failed.rows, at(3)).isStored).toBe(true);
    expect(loadNote(storage, EXERCISE.id).entry?.steps[0]?.text).toBe('Keep me.');
  });

  it('leaves every other section’s note as stored', () => {
    const other = { step: 0, prompt: 'p', text: 'theirs', updatedAt: iso(1) };
    const storage = createMemoryStorage({ [WORKBOOK_KEY]: stored([other], 1, 'another-section') });
    saveNote(storage, EXERCISE, type(createRows(EXERCISE, null), 0, 'mine', 2), at(3));
    expect(loadNote(storage, 'another-section').entry?.steps).toEqual([other]);
  });
});

describe('two tabs writing in one note', () => {
  it('merges step by step: each tab’s step is kept, and a tab that did not change a step takes the stored words', () => {
    const storage = createMemoryStorage();
    let tabA = createRows(EXERCISE, null);
    let tabB = createRows(EXERCISE, null);
    tabA = saveNote(storage, EXERCISE, type(tabA, 0, 'from A', 1), at(1)).rows;
    tabB = saveNote(storage, EXERCISE, type(tabB, 1, 'from B', 2), at(2)).rows;
    expect(tabB.map((row) => row.text)).toEqual(['from A', 'from B', '']);
    // Tab A hears of it (the storage event) and takes B's step without touching its own.
    const synced = reconcile(EXERCISE, tabA, loadNote(storage, EXERCISE.id).entry);
    expect(synced.rows.map((row) => row.text)).toEqual(['from A', 'from B', '']);
    expect(synced.updatedSteps).toEqual([1]);
    expect(synced.joinedSteps).toEqual([]);
  });

  it('keeps both texts when both tabs changed the same step, this tab’s first, and says so', () => {
    const storage = createMemoryStorage();
    const start = saveNote(storage, EXERCISE, type(createRows(EXERCISE, null), 0, 'We began here.', 1), at(1)).rows;
    // Both tabs saw "We began here."; A stores first, B has not heard of it yet.
    saveNote(storage, EXERCISE, type(start, 0, 'We began here. A went on.', 2), at(2));
    const saved = saveNote(storage, EXERCISE, type(start, 0, 'We began here. B went on.', 3), at(3));
    expect(saved.joinedSteps).toEqual([0]);
    expect(loadNote(storage, EXERCISE.id).entry?.steps[0]?.text).toBe('We began here. B went on.\n\nWe began here. A went on.');
    // Nothing is joined twice: A, hearing of it, simply takes the joined text.
  });

  it('never joins what the tab already has, and a waiting box keeps its words when the stored ones are older news', () => {
    const storage = createMemoryStorage();
    const rows = saveNote(storage, EXERCISE, type(createRows(EXERCISE, null), 0, 'hello', 1), at(1)).rows;
    const waiting = type(rows, 0, 'hello there', 2);
    const again = reconcile(EXERCISE, waiting, loadNote(storage, EXERCISE.id).entry);
    expect(again.joinedSteps).toEqual([]);
    expect(again.rows[0]!.text).toBe('hello there');
  });

  it('clears a tab’s boxes when the note was deleted elsewhere and nothing waits there, and keeps waiting words', () => {
    const storage = createMemoryStorage();
    const rows = saveNote(storage, EXERCISE, type(createRows(EXERCISE, null), 0, 'soon gone', 1), at(1)).rows;
    storage.data.delete(WORKBOOK_KEY);
    const idle = reconcile(EXERCISE, rows, null);
    expect(idle.isGone).toBe(true);
    expect(idle.rows[0]!.text).toBe('');
    const busy = reconcile(EXERCISE, type(rows, 1, 'still typing', 2), null);
    expect(busy.isGone).toBe(false);
    expect(busy.rows.map((row) => row.text)).toEqual(['', 'still typing', '']);
  });

  it('loses no word, whatever two tabs type and whenever they save or hear of each other', () => {
    const word = fc.stringMatching(/^[a-z]{3,8}$/);
    const action = fc.record({ tab: fc.constantFrom(0, 1), kind: fc.constantFrom('type', 'save', 'hear'), step: fc.integer({ min: 0, max: 2 }), word });
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 30 }), (actions) => {
        const storage = createMemoryStorage();
        const tabs = [createRows(EXERCISE, null), createRows(EXERCISE, null)];
        // Every word typed is added to the end of a box, never erased, so each must survive somewhere.
        const typed = new Set<string>();
        actions.forEach(({ tab, kind, step, word: added }, index) => {
          if (kind === 'type') {
            const unique = `${added}${index}`;
            typed.add(unique);
            tabs[tab] = type(tabs[tab]!, step, `${tabs[tab]!.find((row) => row.step === step)!.text} ${unique}`, index);
          } else if (kind === 'save') tabs[tab] = saveNote(storage, EXERCISE, tabs[tab]!, at(index)).rows;
          else tabs[tab] = reconcile(EXERCISE, tabs[tab]!, loadNote(storage, EXERCISE.id).entry).rows;
        });
        // Both tabs save what waits (as they do on blur and when the page is hidden), then hear the result.
        for (const tab of [0, 1]) tabs[tab] = saveNote(storage, EXERCISE, tabs[tab]!, at(100 + tab)).rows;
        const kept = (loadNote(storage, EXERCISE.id).entry?.steps ?? []).map((step) => step.text).join(' ');
        for (const unique of typed) expect(kept).toContain(unique);
      }),
      { numRuns: 300 },
    );
  });
});
