// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createLock, openLock } from '../../../src/features/lock/lock-crypto';
import { LOCK_KEY, LockedStorage, SAVE_FAILED_EVENT, readStoredLock } from '../../../src/features/lock/locked-storage';
import { loadResults, saveResult } from '../../../src/features/quiz/engine/results';
import { createMemoryStorage } from '../kit/memory-storage';
import { makeResult } from '../quiz/real-quizzes';

const PASSPHRASE = 'a quiet morning walk';

async function lockedDevice(values: Record<string, string> = {}, plain: Record<string, string> = {}) {
  const { file, dataKey } = await createLock(PASSPHRASE, values, new Date(), 100_000);
  const raw = createMemoryStorage({ ...plain, [LOCK_KEY]: JSON.stringify(file) });
  return { raw, dataKey, open: (target: EventTarget = new EventTarget()) => new LockedStorage(raw as unknown as Storage, dataKey, values, target) };
}

async function storedValues(raw: ReturnType<typeof createMemoryStorage>) {
  const opened = await openLock(PASSPHRASE, readStoredLock(raw as unknown as Storage)!);
  return opened.ok ? opened.values : null;
}

describe('LockedStorage', () => {
  it('keeps every letting-go key only inside the lock, encrypted, and passes other keys through', async () => {
    const { raw, open } = await lockedDevice({}, { theme: 'dark' });
    const storage = open();
    expect(saveResult(storage, makeResult(1))).toEqual({ ok: true });
    storage.setItem('theme', 'light');
    await storage.settled();
    expect([...raw.data.keys()].sort()).toEqual([LOCK_KEY, 'theme']);
    expect(raw.data.get('theme')).toBe('light');
    expect(raw.data.get(LOCK_KEY)).not.toContain('result-1');
    expect(loadResults(storage).results.map(({ id }) => id)).toEqual(['result-1']);
    expect(Object.keys((await storedValues(raw))!)).toEqual(['letting-go:results']);
  });

  it('never hands out or overwrites the lock through the store', async () => {
    const { raw, open } = await lockedDevice();
    const storage = open();
    const before = raw.data.get(LOCK_KEY);
    expect(storage.getItem(LOCK_KEY)).toBeNull();
    storage.setItem(LOCK_KEY, 'nonsense');
    storage.removeItem(LOCK_KEY);
    await storage.settled();
    expect(raw.data.get(LOCK_KEY)).toBe(before);
  });

  it('merges two tabs key by key: neither undoes the other', async () => {
    const { raw, open } = await lockedDevice();
    const tabA = open();
    const tabB = open();
    tabA.setItem('letting-go:notes', 'from A');
    tabB.setItem('letting-go:progress:anger', 'from B');
    await Promise.all([tabA.settled(), tabB.settled()]);
    expect(await storedValues(raw)).toEqual({ 'letting-go:notes': 'from A', 'letting-go:progress:anger': 'from B' });
  });

  it('takes in another tab’s write and fires a storage event for each key that changed', async () => {
    const { raw, open } = await lockedDevice({ 'letting-go:a': '1' });
    const target = new EventTarget();
    const seen: Array<[string | null, string | null]> = [];
    target.addEventListener('storage', (event) => seen.push([(event as StorageEvent).key, (event as StorageEvent).newValue]));
    const tabA = open(target);
    const tabB = open();
    tabB.setItem('letting-go:b', '2');
    tabB.removeItem('letting-go:a');
    await tabB.settled();
    expect(await tabA.refresh(raw.data.get(LOCK_KEY)!)).toBe('refreshed');
    expect(seen.sort()).toEqual([
      ['letting-go:a', null],
      ['letting-go:b', '2'],
    ]);
    expect(tabA.getItem('letting-go:b')).toBe('2');
    expect(await tabA.refresh(null)).toBe('gone');
  });

  it('says so when a write cannot be stored, keeps the value on the page, and stores it with the next write', async () => {
    const { raw, open } = await lockedDevice();
    const target = new EventTarget();
    let failures = 0;
    target.addEventListener(SAVE_FAILED_EVENT, () => (failures += 1));
    const storage = open(target);
    raw.mode = 'quota';
    storage.setItem('letting-go:notes', 'kept on the page');
    await storage.settled();
    expect(failures).toBe(1);
    expect(storage.getItem('letting-go:notes')).toBe('kept on the page');
    raw.mode = 'normal';
    storage.setItem('letting-go:other', 'next');
    await storage.settled();
    expect(await storedValues(raw)).toEqual({ 'letting-go:notes': 'kept on the page', 'letting-go:other': 'next' });
  });

  it('seals a backup under the same passphrase', async () => {
    const { open } = await lockedDevice();
    const text = await open().sealBackup('{"the":"backup"}', new Date('2026-12-01T00:00:00Z'));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ app: 'letting-go', kind: 'backup', format: 3, exportedAt: '2026-12-01T00:00:00.000Z' });
    expect(text).not.toContain('the":"backup');
    expect(await openLock(PASSPHRASE, file.locked)).toMatchObject({ ok: true, values: { backup: '{"the":"backup"}' } });
  });
});
