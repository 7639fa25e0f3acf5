/**
 * The clock of the twenty-minute pause, and the weekly count of the log, as plain arithmetic on times.
 *
 * The pause is only ever its start time: what is left is worked out from the clock each time it is shown, so
 * it carries on across a reload, a closed tab or a phone that slept. A clock that jumps must not break it: a
 * start in the future (the clock was moved back) reads as a pause that has only just begun, and the tool
 * moves its start to now; a clock moved far forward simply ends it.
 *
 * Weeks run Monday to Sunday, in the reader's own time zone (the device's), midnight to midnight.
 */
import type { PauseLogEntry } from './pause-data';

/** How long the pause lasts. */
export const PAUSE_MS = 20 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Where a pause stands at a given moment. */
export type PauseStatus =
  | {
      phase: 'running';
      /** Milliseconds left, from 1 to PAUSE_MS. */
      remainingMs: number;
      /** When it ends, ms since the epoch. */
      endsAt: number;
      /** True when the start lies in the future: the clock was moved back after the pause began. */
      isClockBehind: boolean;
    }
  | { phase: 'over'; endedEarly: boolean };

/**
 * Where a pause that began at `startedAt` stands at `now` (both ms since the epoch); `stoppedAt` is when the
 * reader ended it early, if they did.
 */
export function pauseStatus(startedAt: number, now: number, stoppedAt: number | null = null): PauseStatus {
  if (stoppedAt !== null) return { phase: 'over', endedEarly: stoppedAt < startedAt + PAUSE_MS };
  if (startedAt > now) return { phase: 'running', remainingMs: PAUSE_MS, endsAt: now + PAUSE_MS, isClockBehind: true };
  const endsAt = startedAt + PAUSE_MS;
  if (now >= endsAt) return { phase: 'over', endedEarly: false };
  return { phase: 'running', remainingMs: endsAt - now, endsAt, isClockBehind: false };
}

/** Whole minutes left as the page says them, "about" so: to the nearest minute, 0 in the last half minute. */
export function minutesLeft(remainingMs: number): number {
  return Math.round(remainingMs / MINUTE_MS);
}

/** How long until the minutes shown change (or the pause ends), in ms: just past the next half minute. */
export function msUntilNextMinute(remainingMs: number): number {
  const minutes = minutesLeft(remainingMs);
  if (minutes === 0) return remainingMs;
  // Half minutes round up, so the number shown changes a moment after the remaining time passes one.
  return remainingMs - (minutes - 0.5) * MINUTE_MS + 1;
}

/** The start of the week holding `now`: the Monday before (or of) it, at local midnight. */
export function startOfWeek(now: Date): Date {
  const daysSinceMonday = (now.getDay() + 6) % 7;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysSinceMonday);
}

/** What the log holds for the week holding `now`. */
export interface WeekCount {
  /** Pauses that ended with the message deleted or kept, unsent. */
  passed: number;
  /** Pauses that ended with "I still want to send it". */
  sent: number;
}

/** Counts this week's pauses by when the reader chose, in local time. */
export function countWeek(entries: readonly Pick<PauseLogEntry, 'chosenAt' | 'choice'>[], now: Date): WeekCount {
  const start = startOfWeek(now);
  // The next Monday by the calendar, not start + 7 × 24 hours: a week with a clock change is an hour longer or shorter.
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7).getTime();
  const count: WeekCount = { passed: 0, sent: 0 };
  for (const { chosenAt, choice } of entries) {
    const time = Date.parse(chosenAt);
    if (time < start.getTime() || time >= end) continue;
    if (choice === 'send') count.sent += 1;
    else count.passed += 1;
  }
  return count;
}
