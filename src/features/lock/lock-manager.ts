/**
 * Setting, opening, closing and removing the passphrase lock, for one page. Pages reach this module only
 * when a lock is set (kit/hydrate.ts looks for its key) or when the reader asks to set one, so a page of a
 * reader without a lock never downloads it.
 *
 * Across tabs: every page that has the lock open listens on the BroadcastChannel `letting-go-lock`. "Lock
 * now" in one tab closes it in all (they reload into the locked view); opening it in one tab opens the
 * others that are waiting; setting or removing the lock reloads the others, so no page goes on writing in
 * the old way.
 */
import type { StorageLike } from '../../kit/storage';
import { KEY_PREFIX, LOCK_KEY, THEME_KEY } from './lock-names';
import { changePassphrase, createLock, openLock, openValues, readLockFile, type KeptValues, type OpenFailure } from './lock-crypto';
import { IDLE_MS, clearSession, deleteSessionDatabase, readSession, writeSession } from './lock-session';
import { LockedStorage, isLockedKey, readStoredLock } from './locked-storage';

/** How often an open page records that the reader is still there, at most. */
const TOUCH_EVERY_MS = 30_000;
const CHANNEL = 'letting-go-lock';

type Message = 'locked' | 'opened' | 'changed';

function raw(): Storage {
  return localStorage;
}

/**
 * This page's one channel to the other tabs. One object both sends and listens, and a channel never hears its
 * own messages: so a page that erases is not reloaded by its own "changed" (which would drop the report it is
 * about to show). "Opened" is also told to this page's own listeners, since a part of the page may be waiting
 * for the lock that the gate on the same page just opened. Null where there is no BroadcastChannel: other tabs
 * then notice on their next page.
 */
let channel: BroadcastChannel | null | undefined;
const here: Array<Partial<Record<Message, () => void>>> = [];

function pageChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    try {
      channel = new BroadcastChannel(CHANNEL);
    } catch {
      channel = null;
    }
  }
  return channel;
}

function announce(message: Message): void {
  pageChannel()?.postMessage(message);
  // As a message would arrive: on a later task, once the opening code has finished.
  if (message === 'opened') for (const handlers of [...here]) setTimeout(() => handlers.opened?.(), 0);
}

/** Listens for what other tabs do with the lock (and for the lock being opened on this page). */
export function listen(handlers: Partial<Record<Message, () => void>>): void {
  here.push(handlers);
  pageChannel()?.addEventListener('message', (event: MessageEvent<Message>) => handlers[event.data]?.());
}

/** Whether a lock is set on this device. */
export function isLockSet(): boolean {
  try {
    return raw().getItem(LOCK_KEY) !== null;
  } catch {
    return false;
  }
}

/** How this page's storage kit is told which store to use (its `useStore`, handed over by the page). */
let useStore: (storage: StorageLike | null) => void = () => undefined;

/** Connects the lock to the page's storage kit (kit/storage.ts `useStore`). */
export function connect(use: (storage: StorageLike | null) => void): void {
  useStore = use;
}

/** Plain keys of the site (everything a lock would hold) and their values. */
function plainValues(storage: Storage): KeptValues {
  const values: KeptValues = {};
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    const value = key === null ? null : storage.getItem(key);
    if (key !== null && value !== null && isLockedKey(key)) values[key] = value;
  }
  return values;
}

let active: LockedStorage | null = null;

/** The open lock's storage on this page, if it is open here. */
export function activeStorage(): LockedStorage | null {
  return active;
}

/**
 * Starts using an open lock on this page: every getLocalStorage() returns it, other tabs' writes come in,
 * plain keys another page may have written meanwhile are moved inside, and ten idle minutes close it.
 */
async function start(dataKey: CryptoKey, values: KeptValues): Promise<LockedStorage> {
  const storage = new LockedStorage(raw(), dataKey, values);
  // A page that had not heard of the lock may have written a plain key: take it in, then remove it.
  const stray = plainValues(raw());
  for (const [key, value] of Object.entries(stray)) {
    if (storage.getItem(key) === null) storage.setItem(key, value);
    raw().removeItem(key);
  }
  active = storage;
  useStore(storage);
  addEventListener('storage', (event) => {
    if (event.key !== LOCK_KEY && event.key !== null) return;
    void storage.refresh(event.key === null ? null : event.newValue).then((outcome) => outcome === 'gone' && location.reload());
  });
  listen({ locked: () => location.reload(), changed: () => location.reload() });
  watchIdle(dataKey);
  return storage;
}

function watchIdle(dataKey: CryptoKey): void {
  let touchedAt = Date.now();
  const touch = () => {
    const now = Date.now();
    if (now - touchedAt < TOUCH_EVERY_MS) return;
    touchedAt = now;
    void writeSession(dataKey, now);
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'scroll']) addEventListener(type, touch, { passive: true });
  const check = async () => {
    if ((await readSession()) === null) void lockNow();
  };
  setInterval(() => void check(), Math.min(TOUCH_EVERY_MS, IDLE_MS / 4));
}

/** Opens the lock with the session another page left (no passphrase); null when there is none. */
export async function resume(): Promise<LockedStorage | null> {
  const session = await readSession();
  const file = readStoredLock(raw());
  if (session === null || file === null) return null;
  const values = await openValues(session.dataKey, file.data);
  if (values === null) return null;
  await writeSession(session.dataKey);
  return start(session.dataKey, values);
}

/** Opens the lock with the passphrase. A wrong one changes nothing. */
export async function unlock(passphrase: string): Promise<{ ok: true; storage: LockedStorage } | { ok: false; reason: OpenFailure | 'missing' }> {
  const file = readStoredLock(raw());
  if (file === null) return { ok: false, reason: 'missing' };
  const opened = await openLock(passphrase, file);
  if (!opened.ok) return opened;
  await writeSession(opened.dataKey);
  announce('opened');
  return { ok: true, storage: await start(opened.dataKey, opened.values) };
}

/** Why setting a lock failed. */
export type SetFailure = 'quota' | 'unavailable';

/**
 * Puts everything the site keeps under a new lock: the lock is written and read back first, and only then
 * are the plain keys removed, so a failure leaves everything as it was.
 */
export async function setLock(passphrase: string): Promise<{ ok: true } | { ok: false; reason: SetFailure }> {
  const storage = raw();
  const values = plainValues(storage);
  const { file, dataKey } = await createLock(passphrase, values);
  try {
    storage.setItem(LOCK_KEY, JSON.stringify(file));
  } catch (error) {
    return { ok: false, reason: (error as DOMException)?.name === 'QuotaExceededError' ? 'quota' : 'unavailable' };
  }
  const check = readStoredLock(storage);
  const reopened = check && (await openValues(dataKey, check.data));
  if (!reopened || Object.keys(reopened).length !== Object.keys(values).length) {
    storage.removeItem(LOCK_KEY);
    return { ok: false, reason: 'unavailable' };
  }
  for (const key of Object.keys(values)) storage.removeItem(key);
  await writeSession(dataKey);
  announce('changed');
  await start(dataKey, values);
  return { ok: true };
}

/** Closes the lock in every tab: the key is forgotten and open pages reload into the locked view. */
export async function lockNow(): Promise<void> {
  await active?.settled();
  await clearSession();
  announce('locked');
  location.reload();
}

/** Takes the lock off after checking the passphrase: everything is stored in plain form again. */
export async function removeLock(passphrase: string): Promise<{ ok: true } | { ok: false; reason: OpenFailure | 'missing' | 'unavailable' }> {
  await active?.settled();
  const file = readStoredLock(raw());
  if (file === null) return { ok: false, reason: 'missing' };
  const opened = await openLock(passphrase, file);
  if (!opened.ok) return opened;
  const storage = raw();
  try {
    for (const [key, value] of Object.entries(opened.values)) storage.setItem(key, value);
  } catch {
    for (const key of Object.keys(opened.values)) storage.removeItem(key);
    return { ok: false, reason: 'unavailable' };
  }
  storage.removeItem(LOCK_KEY);
  await clearSession();
  announce('changed');
  location.reload();
  return { ok: true };
}

/** Gives the lock a new passphrase; the old one must be right. */
export async function changeLockPassphrase(oldPassphrase: string, newPassphrase: string): Promise<{ ok: boolean }> {
  await active?.settled();
  const file = readStoredLock(raw());
  const changed = file && (await changePassphrase(oldPassphrase, newPassphrase, file));
  if (!changed) return { ok: false };
  // The data and its key stay the same; only the wrapping of the key changes.
  const current = readStoredLock(raw()) ?? changed;
  raw().setItem(LOCK_KEY, JSON.stringify({ ...current, kdf: changed.kdf, key: changed.key }));
  return { ok: true };
}

/**
 * Erases everything the site keeps without opening the lock (the way out of a forgotten passphrase): every
 * `letting-go:` key, the theme choice and the lock's session. The page removes the offline copy itself.
 */
export async function eraseLockedEverything(): Promise<void> {
  const storage = raw();
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null && (key.startsWith(KEY_PREFIX) || key === THEME_KEY)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  await deleteSessionDatabase();
  announce('changed');
}

/** Opens a locked backup file's text with its passphrase: the plain backup inside, or why not. */
export async function openLockedBackup(text: string, passphrase: string): Promise<{ ok: true; text: string } | { ok: false; reason: OpenFailure }> {
  let file: ReturnType<typeof readLockFile> = null;
  try {
    file = readLockFile((JSON.parse(text) as { locked?: unknown }).locked);
  } catch {
    file = null;
  }
  if (file === null) return { ok: false, reason: 'damaged' };
  const opened = await openLock(passphrase, file);
  if (!opened.ok) return opened;
  const inner = opened.values.backup;
  return typeof inner === 'string' ? { ok: true, text: inner } : { ok: false, reason: 'damaged' };
}

/** Erases everything while the lock is open on this page, which then goes on without it. */
export async function eraseOpenLock(): Promise<void> {
  await active?.settled();
  await eraseLockedEverything();
  active = null;
  useStore(null);
}
