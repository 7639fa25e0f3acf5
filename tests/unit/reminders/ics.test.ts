import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatLocal, formatUtc } from '../../../src/features/reminders/ics';
import {
  REMINDERS,
  nextRecord,
  reminderDay,
  reminderEvent,
  type ReminderRecord,
} from '../../../src/features/reminders/reminder-records';
import { REMINDER_COPY } from '../../../src/features/reminders/reminders-copy';
import { loadCollection, putEntry } from '../../../src/kit/collection';
import { createMemoryStorage } from '../kit/memory-storage';
import { createBackup, restoreBackupText } from '../../../src/features/device-data/backup';
import { describeKept, eraseStoredData } from '../../../src/features/device-data/erase';

const octets = (line: string) => new TextEncoder().encode(line).length;

/** Undoes folding (RFC 5545 3.1): a line break followed by one space joins the lines. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('escapeText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines\r\nand\rthree', 'two\\nlines\\nand\\nthree'],
  ])('escapes %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets whole and folds the 76th onto a line starting with a space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a character, and every piece is at most 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${text}`;
        const folded = foldLine(line);
        const pieces = folded.split('\r\n');
        for (const [index, piece] of pieces.entries()) {
          expect(octets(piece)).toBeLessThanOrEqual(75);
          if (index > 0) expect(piece.startsWith(' ')).toBe(true);
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});

describe('dates', () => {
  it('writes the stamp in UTC and the start as a floating local time', () => {
    expect(formatUtc(new Date('2026-12-01T09:05:03.400Z'))).toBe('20261201T090503Z');
    expect(formatLocal({ year: 2026, month: 12, day: 8, hour: 19, minute: 0 })).toBe('20261208T190000');
  });

  it.each([
    ['week', new Date(2026, 11, 28, 23, 30), new Date(2027, 0, 4)],
    ['month', new Date(2026, 11, 1, 8), new Date(2027, 0, 1)],
    ['month', new Date(2027, 0, 31, 12), new Date(2027, 1, 28)],
    ['month', new Date(2028, 0, 30, 12), new Date(2028, 1, 29)],
    ['month', new Date(2026, 7, 31), new Date(2026, 8, 30)],
  ] as const)('a %s after %s is %s', (span, now, day) => {
    expect(reminderDay(now, span)).toEqual(day);
  });
});

describe('the reminder record', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');

  it('starts at SEQUENCE 0 with a new UID, then keeps the UID and raises the SEQUENCE', () => {
    const first = nextRecord(undefined, 'anger', now, () => 'abc@letting-go.guide');
    expect(first).toEqual({ id: 'anger', updatedAt: now.toISOString(), uid: 'abc@letting-go.guide', sequence: 0 });
    const later = new Date('2026-12-02T12:00:00.000Z');
    expect(nextRecord(first, 'anger', later, () => 'other')).toEqual({ ...first, updatedAt: later.toISOString(), sequence: 1 });
  });

  it('is kept as a collection, and entries that are not records are left out', () => {
    const storage = createMemoryStorage({
      'letting-go:reminders': JSON.stringify({
        format: 1,
        entries: [
          { id: 'anger', updatedAt: now.toISOString(), uid: 'a@b', sequence: 2 },
          { id: 'ready', updatedAt: now.toISOString(), uid: 'has space', sequence: 0 },
          { id: 'victim', updatedAt: now.toISOString(), uid: 'c@d', sequence: -1 },
          { id: 'other', updatedAt: now.toISOString(), uid: 'e@f', sequence: 1.5 },
        ],
      }),
    });
    expect(loadCollection(storage, REMINDERS)).toEqual({
      status: 'ok',
      entries: [{ id: 'anger', updatedAt: now.toISOString(), uid: 'a@b', sequence: 2 }],
      droppedCount: 3,
    });
    const record: ReminderRecord = { id: 'ready', updatedAt: now.toISOString(), uid: 'x@y', sequence: 0 };
    expect(putEntry(storage, REMINDERS, record)).toEqual({ ok: true });
    expect(loadCollection(storage, REMINDERS).entries.map(({ id }) => id)).toEqual(['anger', 'ready']);
  });
});

describe('the reminders collection on this device', () => {
  const record: ReminderRecord = { id: 'anger', updatedAt: '2026-12-01T12:00:00.000Z', uid: 'a@letting-go.guide', sequence: 2 };

  it('travels in the backup, restores elsewhere, and is listed and removed by Erase everything', () => {
    const here = createMemoryStorage();
    expect(putEntry(here, REMINDERS, record)).toEqual({ ok: true });
    const file = JSON.parse(createBackup(here, new Date('2026-12-02T00:00:00.000Z')));
    expect(file.collections.reminders).toEqual({ format: 1, entries: [record] });

    const elsewhere = createMemoryStorage();
    const restored = restoreBackupText(elsewhere, JSON.stringify(file), []);
    expect(restored.ok && restored.report.collections).toEqual([
      { words: { one: '1 check-in reminder', many: '{count} check-in reminders' }, addedCount: 1, updatedCount: 0, unreadableCount: 0, isNewer: false },
    ]);
    expect(loadCollection(elsewhere, REMINDERS).entries).toEqual([record]);

    expect(describeKept(elsewhere).collections).toEqual([{ words: { one: '1 check-in reminder', many: '{count} check-in reminders' }, count: 1 }]);
    eraseStoredData(elsewhere);
    expect(elsewhere.data.size).toBe(0);
  });
});

describe('buildCalendar', () => {
  const url = 'https://letting-go.guide/quizzes/readiness-to-let-go/';
  const now = new Date('2026-12-01T12:48:00.000Z');
  const day = new Date(2026, 11, 8);
  const text = buildCalendar(reminderEvent({ uid: 'u-1@letting-go.guide', sequence: 3 }, day, url, REMINDER_COPY.calendar, now));

  it('ends every line in CRLF, folded at 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('reads back in a calendar parser as one event with a display alarm, at 7 pm local time', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Letting Go//Check-in reminder//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.uid).toBe('u-1@letting-go.guide');
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe('Check in with yourself');
    expect(event.summary).not.toMatch(/break|ex\b|quiz/i);
    expect(event.description).toBe(`${REMINDER_COPY.calendar.description} ${url}`);
    expect(events[0]!.getFirstPropertyValue('url')).toBe(url);
    expect(events[0]!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-01T12:48:00Z');
    const start = event.startDate;
    expect(start.isDate).toBe(false);
    expect(start.zone?.tzid).toBe('floating');
    expect([start.year, start.month, start.day, start.hour, start.minute]).toEqual([2026, 12, 8, 19, 0]);
    expect(event.duration.toSeconds()).toBe(15 * 60);
    const alarms = events[0]!.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarms[0]!.getFirstPropertyValue('trigger')!.toString()).toBe('PT0S');
    expect(alarms[0]!.getFirstPropertyValue('description')).toBe(REMINDER_COPY.calendar.alarm);
  });

  it('escapes text so a parser gives back the words exactly', () => {
    const words = { summary: 'Tea, a walk; then \\ rest', description: 'Line one\nline two, ünïcödé 🌱'.repeat(4), alarm: 'Now; gently' };
    const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(buildCalendar(reminderEvent({ uid: 'u', sequence: 0 }, day, url, words, now)))).getFirstSubcomponent('vevent')!);
    expect(parsed.summary).toBe(words.summary);
    expect(parsed.description).toBe(`${words.description} ${url}`);
  });
});
