import { describe, expect, it } from 'vitest';
import { createMyNotesState, orderNotes, type NoteSection } from '../../../src/features/workbook/my-notes-state';
import { MY_NOTES_COPY } from '../../../src/features/workbook/workbook-copy';
import { loadNotes } from '../../../src/features/workbook/workbook';
import { WORKBOOK_KEY, type WorkbookEntry } from '../../../src/features/workbook/workbook-spec';
import { createMemoryStorage } from '../kit/memory-storage';

const SECTIONS: NoteSection[] = ['why-letting-go-comes-first', 'turning-rage-into-fuel', 'where-this-leaves-you'].map((id, index) => ({
  id,
  title: `Section ${index + 1}`,
  href: `/guide/${id}/`,
  exercise: { id, title: `Exercise ${index + 1}`, steps: ['First step.', 'Second step.'] },
}));

function entry(id: string, minute: number, texts: string[], title = 'Exercise'): WorkbookEntry {
  const updatedAt = new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString();
  return { id, updatedAt, title, steps: texts.map((text, step) => ({ step, prompt: `Asked ${step + 1}`, text, updatedAt })) };
}

function storageWith(entries: WorkbookEntry[]) {
  return createMemoryStorage({ [WORKBOOK_KEY]: JSON.stringify({ format: 1, entries }) });
}

describe('My notes', () => {
  it('lists notes in the guide’s order, then notes of sections the guide no longer has, and leaves empty ones out', () => {
    const notes = orderNotes(
      SECTIONS,
      [entry('where-this-leaves-you', 1, ['c']), entry('an-old-section', 2, ['old'], 'Old exercise'), entry('why-letting-go-comes-first', 3, ['a']), entry('turning-rage-into-fuel', 4, ['  '])],
      MY_NOTES_COPY,
    );
    expect(notes.map((note) => [note.entry.id, note.title])).toEqual([
      ['why-letting-go-comes-first', 'Section 1'],
      ['where-this-leaves-you', 'Section 3'],
      ['an-old-section', 'Try this: Old exercise'],
    ]);
  });

  it('deletes one note after a question that names it, and nothing else', () => {
    const storage = storageWith([entry('why-letting-go-comes-first', 1, ['a']), entry('turning-rage-into-fuel', 2, ['b'])]);
    const state = createMyNotesState({ storage }, MY_NOTES_COPY, SECTIONS);
    state.init();
    state.askToDelete('turning-rage-into-fuel');
    state.cancelDelete();
    expect(state.store.get().message).toEqual({ kind: 'status', text: 'Nothing was deleted.' });
    state.askToDelete('turning-rage-into-fuel');
    state.confirmDelete();
    expect(state.store.get().message).toEqual({ kind: 'status', text: 'Deleted your note for “Section 2”.' });
    expect(loadNotes(storage).entries.map((note) => note.id)).toEqual(['why-letting-go-comes-first']);
  });

  it('"Delete all" removes exactly the notes it named; one written meanwhile in another tab stays', () => {
    const storage = storageWith([entry('why-letting-go-comes-first', 1, ['a']), entry('turning-rage-into-fuel', 2, ['b'])]);
    const state = createMyNotesState({ storage }, MY_NOTES_COPY, SECTIONS);
    state.init();
    state.askToDeleteAll();
    expect(state.store.get().confirmingDeleteIds).toEqual(['why-letting-go-comes-first', 'turning-rage-into-fuel']);
    const later = entry('where-this-leaves-you', 3, ['written elsewhere']);
    storage.data.set(WORKBOOK_KEY, JSON.stringify({ format: 1, entries: [...loadNotes(storage).entries, later] }));
    state.reload();
    expect(state.store.get().notes).toHaveLength(3);
    expect(state.store.get().confirmingDeleteIds).toHaveLength(2);
    state.confirmDeleteAll();
    expect(state.store.get().message).toEqual({ kind: 'status', text: 'Deleted your 2 notes from this device.' });
    expect(loadNotes(storage).entries).toEqual([later]);
  });

  it('says when a delete could not happen, and keeps the notes', () => {
    const storage = storageWith([entry('why-letting-go-comes-first', 1, ['a'])]);
    const state = createMyNotesState({ storage }, MY_NOTES_COPY, SECTIONS);
    state.init();
    storage.mode = 'read-only';
    state.askToDelete('why-letting-go-comes-first');
    state.confirmDelete();
    expect(state.store.get().message?.kind).toBe('problem');
    expect(state.store.get().notes).toHaveLength(1);
  });

  it('downloads every note as Markdown, under its section, with the steps as they were asked', () => {
    const storage = storageWith([entry('turning-rage-into-fuel', 1, ['# not a heading', '']), entry('why-letting-go-comes-first', 2, ['first'])]);
    const state = createMyNotesState({ storage, now: () => new Date(2026, 11, 1, 12) }, MY_NOTES_COPY, SECTIONS);
    state.init();
    const { fileName, text } = state.createMarkdown((iso) => iso.slice(0, 10));
    expect(fileName).toBe('letting-go-notes-2026-12-01.md');
    expect(text).toBe(
      [
        '# My notes from Letting Go',
        'Written in the “Try this” boxes of the guide. Downloaded 2026-12-01.',
        '## Section 1',
        'Try this: Exercise. Last changed 2026-12-01.',
        '### Asked 1',
        'first',
        '## Section 2',
        'Try this: Exercise. Last changed 2026-12-01.',
        '### Asked 1',
        '\\# not a heading',
      ].join('\n\n') + '\n',
    );
  });

  it('edits a note against its section’s steps today, or its own for a section that is gone', () => {
    const storage = storageWith([entry('an-old-section', 1, ['kept'], 'Old')]);
    const state = createMyNotesState({ storage }, MY_NOTES_COPY, SECTIONS);
    state.init();
    const [note] = state.store.get().notes;
    expect(state.exerciseOf(note!)).toEqual({ id: 'an-old-section', title: 'Old', steps: [] });
    state.edit('an-old-section');
    expect(state.store.get().editing).toBe('an-old-section');
    state.stopEditing();
    expect(state.store.get().editing).toBeNull();
  });
});
