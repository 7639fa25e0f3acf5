/**
 * Check-in reminders: what this device remembers of each one, and the event a download puts in the file.
 *
 * Stored as a collection (kit/collection.ts) under `letting-go:reminders`, format 1, one entry per quiz:
 *   { "id": "<quiz id>", "updatedAt": ISO 8601, "uid": "<the event's UID>", "sequence": <last SEQUENCE written> }
 * Nothing else: not the date chosen, not the quiz's result. The next download for the same quiz keeps the UID and
 * writes a higher SEQUENCE, so the reader's calendar moves the reminder it already has instead of adding one.
 * Written only when the reader downloads a reminder while saving is on (the same choice as the quizzes',
 * kit/preferences.ts); removed by "Erase everything". A backup carries it; restoring keeps the copy changed last.
 */
import { hasEntryBasics, type CollectionEntry, type CollectionSpec } from '../../kit/collection';
import type { CalendarEvent, LocalDateTime } from './ics';

/** One quiz's reminder, as this device remembers it. */
export interface ReminderRecord extends CollectionEntry {
  uid: string;
  sequence: number;
}

const MAX_UID_LENGTH = 200;

/** The reminders collection. */
export const REMINDERS: CollectionSpec<ReminderRecord> = {
  name: 'reminders',
  format: 1,
  readEntry(value) {
    if (!hasEntryBasics(value)) return null;
    const { uid, sequence } = value;
    if (typeof uid !== 'string' || uid.length === 0 || uid.length > MAX_UID_LENGTH || !/^[\x21-\x7e]+$/.test(uid)) return null;
    if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0) return null;
    return { id: value.id, updatedAt: value.updatedAt, uid, sequence };
  },
};

/** How far ahead a reminder goes. */
export type ReminderSpan = 'week' | 'month';

/** The hour a reminder goes off, in the reader's own time: an evening, after the day is done. */
export const REMINDER_HOUR = 19;

/** The day a reminder falls on, `span` after `now` in local time; a month on from the 31st is the month's last day. */
export function reminderDay(now: Date, span: ReminderSpan): Date {
  const year = now.getFullYear();
  const month = now.getMonth();
  const day = now.getDate();
  if (span === 'week') return new Date(year, month, day + 7);
  const lastDay = new Date(year, month + 2, 0).getDate();
  return new Date(year, month + 1, Math.min(day, lastDay));
}

/** The local time a reminder for `day` goes off. */
export function reminderTime(day: Date): LocalDateTime {
  return { year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate(), hour: REMINDER_HOUR, minute: 0 };
}

/** The record a new download writes: the same UID and a higher SEQUENCE, or a first one with `newUid`. */
export function nextRecord(existing: ReminderRecord | undefined, quizId: string, now: Date, newUid: () => string): ReminderRecord {
  const updatedAt = now.toISOString();
  return existing
    ? { id: quizId, updatedAt, uid: existing.uid, sequence: existing.sequence + 1 }
    : { id: quizId, updatedAt, uid: newUid(), sequence: 0 };
}

/** The words a reminder file carries (see reminders-copy.ts). */
export interface CalendarWords {
  summary: string;
  description: string;
  alarm: string;
}

/** The event for a record: `url` is the quiz's absolute address, `day` from reminderDay(). */
export function reminderEvent(record: Pick<ReminderRecord, 'uid' | 'sequence'>, day: Date, url: string, words: CalendarWords, now: Date): CalendarEvent {
  return {
    prodId: '-//Letting Go//Check-in reminder//EN',
    uid: record.uid,
    sequence: record.sequence,
    stampedAt: now,
    startsAt: reminderTime(day),
    durationMinutes: 15,
    summary: words.summary,
    description: `${words.description} ${url}`,
    url,
    alarm: words.alarm,
  };
}
