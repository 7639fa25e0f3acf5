import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOCK_FORMAT,
  PBKDF2_ITERATIONS,
  changePassphrase,
  createLock,
  openLock,
  openValues,
  readLockFile,
  sealValues,
  type KeptValues,
  type LockFile,
} from '../../../src/features/lock/lock-crypto';
import * as names from '../../../src/features/lock/lock-names';
import { KEY_PREFIX, LOCK_KEY } from '../../../src/kit/storage';
import { THEME_KEY } from '../../../src/features/theme/theme-choice';
import { CACHE_PREFIX } from '../../../src/features/offline/cache-name';
import { fill } from '../../../src/kit/fill';

// The lowest count readLockFile accepts, so the tests run in moments; real locks use PBKDF2_ITERATIONS.
const FAST = 100_000;

async function dataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The same base64 text with one byte of what it encodes changed. */
function flipByte(text: string, index: number, mask: number): string {
  const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  bytes[index % bytes.length]! ^= mask;
  return btoa(String.fromCharCode(...bytes));
}

const valuesArbitrary: fc.Arbitrary<KeptValues> = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 20 }).map((key) => `letting-go:${key}`),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  { maxKeys: 6 },
);

describe('the sealed values', () => {
  it('round-trip any values, with a fresh IV every time', async () => {
    const key = await dataKey();
    await fc.assert(
      fc.asyncProperty(valuesArbitrary, async (values) => {
        const first = await sealValues(key, values);
        const second = await sealValues(key, values);
        expect(first.iv).not.toBe(second.iv);
        expect(await openValues(key, first)).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });

  it('reject any changed byte of the ciphertext or the IV', async () => {
    const key = await dataKey();
    const sealed = await sealValues(key, { 'letting-go:notes': 'what I wrote last night' });
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (index, mask, inIv) => {
        const changed = inIv ? { ...sealed, iv: flipByte(sealed.iv, index, mask) } : { ...sealed, data: flipByte(sealed.data, index, mask) };
        expect(await openValues(key, changed)).toBeNull();
      }),
      { numRuns: 80 },
    );
  });

  it('cannot be opened with another key', async () => {
    const sealed = await sealValues(await dataKey(), { 'letting-go:results': '[]' });
    expect(await openValues(await dataKey(), sealed)).toBeNull();
  });

  it('never hold the plain text', async () => {
    const sealed = await sealValues(await dataKey(), { 'letting-go:notes': 'my secret words' });
    expect(JSON.stringify(sealed)).not.toContain('secret');
    expect(atob(sealed.data)).not.toContain('secret');
  });
});

describe('the lock', () => {
  it('opens with the right passphrase and only with it', async () => {
    const values = { 'letting-go:results': '{"schema":3,"results":[]}' };
    const { file } = await createLock('a long walk by the sea', values, new Date('2026-12-01T10:00:00Z'), FAST);
    expect(file).toMatchObject({ format: LOCK_FORMAT, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: FAST }, sealedAt: '2026-12-01T10:00:00.000Z' });
    expect(await openLock('a long walk by the sea', file)).toMatchObject({ ok: true, values });
    expect(await openLock('a long walk by the see', file)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await openLock('', file)).toEqual({ ok: false, reason: 'wrong-passphrase' });
  });

  it('composes the passphrase the same way whatever the keyboard sent (é as one or two code points)', async () => {
    const { file } = await createLock('caf\u00e9 au lait', {}, new Date(), FAST);
    expect((await openLock('cafe\u0301 au lait', file)).ok).toBe(true);
  });

  it('rejects any changed byte of the wrapped key or the salt', async () => {
    const { file } = await createLock('correct horse', { 'letting-go:x': 'y' }, new Date(), FAST);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('key', 'iv', 'salt'), async (index, mask, part) => {
        const changed: LockFile =
          part === 'salt'
            ? { ...file, kdf: { ...file.kdf, salt: flipByte(file.kdf.salt, index, mask) } }
            : { ...file, key: { ...file.key, [part === 'key' ? 'data' : 'iv']: flipByte(part === 'key' ? file.key.data : file.key.iv, index, mask) } };
        expect((await openLock('correct horse', changed)).ok).toBe(false);
      }),
      { numRuns: 12 },
    );
  });

  it('says a lock with damaged data is damaged, not a wrong passphrase', async () => {
    const { file } = await createLock('correct horse', { 'letting-go:x': 'y' }, new Date(), FAST);
    const damaged = { ...file, data: { ...file.data, data: flipByte(file.data.data, 3, 1) } };
    expect(await openLock('correct horse', damaged)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('leaves a lock of a newer format unopened', async () => {
    const { file } = await createLock('correct horse', {}, new Date(), FAST);
    expect(await openLock('correct horse', { ...file, format: LOCK_FORMAT + 1 })).toEqual({ ok: false, reason: 'newer' });
  });

  it('changes the passphrase without touching the data', async () => {
    const { file } = await createLock('old words here', { 'letting-go:a': 'b' }, new Date(), FAST);
    expect(await changePassphrase('wrong words', 'new words here', file, FAST)).toBeNull();
    const changed = (await changePassphrase('old words here', 'new words here', file, FAST))!;
    expect(changed.data).toEqual(file.data);
    expect(changed.kdf.salt).not.toBe(file.kdf.salt);
    expect((await openLock('old words here', changed)).ok).toBe(false);
    expect(await openLock('new words here', changed)).toMatchObject({ ok: true, values: { 'letting-go:a': 'b' } });
  });

  it('reads only well-formed lock files, with enough iterations', async () => {
    const { file } = await createLock('correct horse', {}, new Date(), FAST);
    expect(readLockFile(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(readLockFile({ ...file, kdf: { ...file.kdf, iterations: 1000 } })).toBeNull();
    expect(readLockFile({ ...file, kdf: { ...file.kdf, name: 'scrypt' } })).toBeNull();
    expect(readLockFile({ ...file, key: 'x' })).toBeNull();
    expect(readLockFile(null)).toBeNull();
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});

describe('the names the lock spells out', () => {
  it('match the modules they come from', () => {
    expect(names.LOCK_KEY).toBe(LOCK_KEY);
    expect(names.KEY_PREFIX).toBe(KEY_PREFIX);
    expect(names.THEME_KEY).toBe(THEME_KEY);
    expect(names.CACHE_PREFIX).toBe(CACHE_PREFIX);
    expect(names.fillIn('At least {min} of {max}, {min}', { min: 8, max: 9 })).toBe(fill('At least {min} of {max}, {min}', { min: 8, max: 9 }));
  });
});
