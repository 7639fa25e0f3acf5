import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, PREFERENCES_STORAGE_KEY, loadPreferences, savePreferences } from '../../../src/kit/preferences';
import { createMemoryStorage, type StorageMode } from './memory-storage';

describe('preferences', () => {
  it('saves results by default', () => {
    expect(DEFAULT_PREFERENCES).toEqual({ isSavingResults: true, lastBackupAt: null });
    expect(loadPreferences(createMemoryStorage())).toEqual({ isSavingResults: true, lastBackupAt: null });
  });

  it('remembers the choice', () => {
    const storage = createMemoryStorage();
    expect(savePreferences(storage, { isSavingResults: false })).toEqual({ ok: true });
    expect(loadPreferences(storage)).toEqual({ isSavingResults: false, lastBackupAt: null });
    expect(savePreferences(storage, { isSavingResults: true })).toEqual({ ok: true });
    expect(loadPreferences(storage).isSavingResults).toBe(true);
  });

  it('saves a change as a patch, keeping the other preferences', () => {
    const storage = createMemoryStorage();
    savePreferences(storage, { lastBackupAt: '2026-03-01T10:00:00.000Z' });
    savePreferences(storage, { isSavingResults: false });
    expect(loadPreferences(storage)).toEqual({ isSavingResults: false, lastBackupAt: '2026-03-01T10:00:00.000Z' });
  });

  it.each([
    // Not JSON.
    ['garbage', '{oops'],
    // The wrong type for the field.
    ['a string flag', JSON.stringify({ isSavingResults: 'no' })],
    // Some other shape.
    ['an array', '[false]'],
    ['null', 'null'],
  ])('falls back to the default for %s', (_, raw) => {
    expect(loadPreferences(createMemoryStorage({ [PREFERENCES_STORAGE_KEY]: raw }))).toEqual(DEFAULT_PREFERENCES);
  });

  it('ignores unknown fields', () => {
    const raw = JSON.stringify({ isSavingResults: false, theme: 'dark' });
    expect(loadPreferences(createMemoryStorage({ [PREFERENCES_STORAGE_KEY]: raw }))).toEqual({ isSavingResults: false, lastBackupAt: null });
  });

  it.each<[StorageMode, string]>([
    ['quota', 'quota'],
    ['blocked', 'unavailable'],
  ])('never throws with %s storage', (mode, reason) => {
    const storage = createMemoryStorage({}, mode);
    expect(loadPreferences(storage)).toEqual(DEFAULT_PREFERENCES);
    expect(savePreferences(storage, { isSavingResults: false })).toMatchObject({ ok: false, reason });
    expect(loadPreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });
});
