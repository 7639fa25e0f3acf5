// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ReminderChoice } from '../../../src/features/reminders/ReminderChoice';
import { REMINDER_COPY } from '../../../src/features/reminders/reminders-copy';
import { PREFERENCES_STORAGE_KEY } from '../../../src/kit/preferences';
import { createMemoryStorage, type MemoryStorage, type StorageMode } from '../kit/memory-storage';

const URL_OF_QUIZ = 'https://letting-go.guide/quizzes/anger/';
const KEY = 'letting-go:reminders';
let files: Blob[];

beforeEach(() => {
  files = [];
  Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => (files.push(blob), 'blob:reminder')), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function setUp(initial: Record<string, string> = {}, mode: StorageMode = 'normal'): Promise<MemoryStorage> {
  const storage = createMemoryStorage(initial, mode);
  render(<ReminderChoice quizId="anger" url={URL_OF_QUIZ} copy={REMINDER_COPY} environment={{ storage }} />);
  await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Download the reminder' }).disabled).toBe(false));
  return storage;
}

async function download(): Promise<{ text: string; status: string }> {
  const count = files.length;
  fireEvent.click(screen.getByRole('button', { name: 'Download the reminder' }));
  await waitFor(() => expect(files).toHaveLength(count + 1));
  return { text: await files[count]!.text(), status: screen.getByRole('status').textContent ?? '' };
}

const field = (text: string, name: string) => text.match(new RegExp(`^${name}:(.*)$`, 'm'))?.[1]?.trim();

describe('ReminderChoice', () => {
  it('offers a week or a month, the week chosen and focused first', async () => {
    await setUp();
    const week = screen.getByRole<HTMLInputElement>('radio', { name: /^In one week: .+, at 7 pm$/ });
    expect(week.checked).toBe(true);
    expect(document.activeElement).toBe(week);
    expect(screen.getByRole('radio', { name: /^In one month: / })).toBeTruthy();
    expect(screen.getByText(REMINDER_COPY.explain)).toBeTruthy();
  });

  it('keeps the UID and raises the SEQUENCE on the next download, so the calendar moves the reminder', async () => {
    const storage = await setUp();
    const first = await download();
    expect(first.status).toMatch(/^Downloaded\. Open the file to add the reminder for /);
    expect(field(first.text, 'SEQUENCE')).toBe('0');
    fireEvent.click(screen.getByRole('radio', { name: /^In one month/ }));
    const second = await download();
    expect(second.status).toMatch(/^Downloaded\. Open the file and your calendar moves the reminder to /);
    expect(field(second.text, 'UID')).toBe(field(first.text, 'UID'));
    expect(field(second.text, 'SEQUENCE')).toBe('1');
    expect(JSON.parse(storage.data.get(KEY)!)).toMatchObject({ format: 1, entries: [{ id: 'anger', uid: field(first.text, 'UID'), sequence: 1 }] });
  });

  it('keeps nothing when saving is off, and says a second download adds a second reminder', async () => {
    const storage = await setUp({ [PREFERENCES_STORAGE_KEY]: JSON.stringify({ isSavingResults: false }) });
    expect(screen.getByText(REMINDER_COPY.explainNotSaving)).toBeTruthy();
    const first = await download();
    const second = await download();
    expect(second.status).toMatch(/Nothing was kept on this device\.$/);
    expect(field(second.text, 'UID')).not.toBe(field(first.text, 'UID'));
    expect(storage.data.has(KEY)).toBe(false);
  });

  it.each<[StorageMode, keyof typeof REMINDER_COPY.notKept]>([
    ['quota', 'quota'],
    ['read-only', 'unavailable'],
  ])('still downloads with %s storage, says at once that this device did not keep it, and loses nothing', async (mode, reason) => {
    const kept = JSON.stringify({ format: 1, entries: [{ id: 'victim', updatedAt: '2026-11-01T00:00:00.000Z', uid: 'v@letting-go.guide', sequence: 4 }] });
    const storage = await setUp({ [KEY]: kept }, mode);
    const { text, status } = await download();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(status).toBe(REMINDER_COPY.notKept[reason]);
    expect(storage.data.get(KEY)).toBe(kept);
  });
});
