import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAUSE_MS, countWeek, minutesLeft, msUntilNextMinute, pauseStatus, startOfWeek } from '../../../src/features/pause/pause-clock';

const MINUTE = 60_000;
const START = Date.UTC(2026, 4, 6, 21, 40);

describe('the pause clock', () => {
  it('counts down from the start time and ends after twenty minutes', () => {
    expect(pauseStatus(START, START)).toEqual({ phase: 'running', remainingMs: PAUSE_MS, endsAt: START + PAUSE_MS, isClockBehind: false });
    expect(pauseStatus(START, START + 10 * MINUTE)).toMatchObject({ phase: 'running', remainingMs: 10 * MINUTE });
    expect(pauseStatus(START, START + PAUSE_MS - 1)).toMatchObject({ phase: 'running', remainingMs: 1 });
    expect(pauseStatus(START, START + PAUSE_MS)).toEqual({ phase: 'over', endedEarly: false });
  });

  it('reads the same after a reload: only the start time and the clock matter', () => {
    // A page that was closed for seven minutes and opened again works it out from the stored start alone.
    const stored = new Date(START).toISOString();
    const reopened = pauseStatus(Date.parse(stored), START + 7 * MINUTE + 30_000);
    expect(reopened).toMatchObject({ phase: 'running', remainingMs: 12 * MINUTE + 30_000 });
    expect(minutesLeft(reopened.phase === 'running' ? reopened.remainingMs : 0)).toBe(13);
  });

  it('ends early only when the reader stopped it, and says so', () => {
    expect(pauseStatus(START, START + 5 * MINUTE, START + 4 * MINUTE)).toEqual({ phase: 'over', endedEarly: true });
    expect(pauseStatus(START, START + 30 * MINUTE, START + 25 * MINUTE)).toEqual({ phase: 'over', endedEarly: false });
  });

  it('treats a start in the future (a clock moved back) as a pause just begun, never longer', () => {
    const status = pauseStatus(START + 3 * 24 * 60 * MINUTE, START);
    expect(status).toEqual({ phase: 'running', remainingMs: PAUSE_MS, endsAt: START + PAUSE_MS, isClockBehind: true });
    // Even a start in the year 9999.
    expect(pauseStatus(Date.UTC(9999, 0, 1), START)).toMatchObject({ remainingMs: PAUSE_MS, isClockBehind: true });
  });

  it('ends a pause when the clock jumps far forward', () => {
    expect(pauseStatus(START, Date.UTC(2400, 0, 1))).toEqual({ phase: 'over', endedEarly: false });
  });

  it('never reports more than twenty minutes or less than nothing, whatever the clocks say', () => {
    const time = fc.integer({ min: -8.64e15, max: 8.64e15 });
    fc.assert(
      fc.property(time, time, (start, now) => {
        const status = pauseStatus(start, now);
        if (status.phase === 'running') {
          expect(status.remainingMs).toBeGreaterThan(0);
          expect(status.remainingMs).toBeLessThanOrEqual(PAUSE_MS);
          expect(status.endsAt - now).toBe(status.remainingMs);
        } else expect(now - start).toBeGreaterThanOrEqual(PAUSE_MS);
      }),
    );
  });

  it('says the minutes to the nearest one, and waits until they change before looking again', () => {
    expect(minutesLeft(PAUSE_MS)).toBe(20);
    // A reload ten minutes on, a moment after the start was pressed, still reads "about 10".
    expect(minutesLeft(10 * MINUTE + 300)).toBe(10);
    expect(minutesLeft(14 * MINUTE + 31_000)).toBe(15);
    expect(minutesLeft(45_000)).toBe(1);
    expect(minutesLeft(29_000)).toBe(0);
    expect(msUntilNextMinute(PAUSE_MS)).toBe(30_001);
    expect(msUntilNextMinute(14 * MINUTE + 50_000)).toBe(20_001);
    // In the last half minute, the next look is the end.
    expect(msUntilNextMinute(20_000)).toBe(20_000);
  });

  it('changes what it shows at most once a minute over a whole pause', () => {
    let remaining = PAUSE_MS;
    const shown: number[] = [minutesLeft(remaining)];
    let looks = 0;
    while (remaining > 0) {
      const wait = msUntilNextMinute(remaining);
      expect(wait).toBeGreaterThan(0);
      remaining -= wait;
      looks += 1;
      shown.push(minutesLeft(Math.max(0, remaining)));
    }
    expect(looks).toBe(21);
    expect(shown).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]);
    expect(remaining).toBe(0);
  });
});

describe('the weekly count, in the reader’s own time zone (weeks start on Monday)', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    // Auckland: twelve or thirteen hours ahead of UTC, so a UTC week and a local week differ by a day.
    process.env.TZ = 'Pacific/Auckland';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  const entry = (chosenAt: string, choice: 'delete' | 'keep' | 'send' = 'delete') => ({ chosenAt, choice });

  it('starts the week at local midnight on Monday', () => {
    // Wednesday 6 May 2026, 9:40 in Auckland (Tuesday evening in UTC).
    const now = new Date('2026-05-05T21:40:00Z');
    expect(now.getDay()).toBe(3);
    const start = startOfWeek(now);
    expect([start.getDay(), start.getHours(), start.getMinutes(), start.getDate()]).toEqual([1, 0, 0, 4]);
    expect(start.toISOString()).toBe('2026-05-03T12:00:00.000Z');
    // On a Sunday the week began six days before; on a Monday, that same day.
    expect(startOfWeek(new Date(2026, 4, 10, 23, 59)).getDate()).toBe(4);
    expect(startOfWeek(new Date(2026, 4, 4, 0, 0)).getDate()).toBe(4);
  });

  it('counts what was chosen between Monday 00:00 and the next Monday 00:00, local time', () => {
    const now = new Date(2026, 4, 6, 22, 0);
    const count = countWeek(
      [
        entry(new Date(2026, 4, 3, 23, 59).toISOString()), // Sunday before: last week
        entry(new Date(2026, 4, 4, 0, 0).toISOString()), // Monday at midnight: this week
        entry(new Date(2026, 4, 6, 21, 0).toISOString(), 'keep'),
        entry(new Date(2026, 4, 6, 21, 30).toISOString(), 'send'),
        entry(new Date(2026, 4, 10, 23, 59).toISOString()), // Sunday night: still this week
        entry(new Date(2026, 4, 11, 0, 0).toISOString()), // next Monday
      ],
      now,
    );
    expect(count).toEqual({ passed: 3, sent: 1 });
  });

  it('keeps a week with a clock change whole: an hour longer when daylight saving ends (5 April 2026 there)', () => {
    const now = new Date(2026, 3, 2, 12, 0);
    // 23:30 on the Sunday is 167.5 hours after Monday 00:00 by the calendar, but 168.5 by the clock.
    const lateSunday = new Date(2026, 3, 5, 23, 30);
    expect(lateSunday.getTime() - startOfWeek(now).getTime()).toBe(168.5 * 3_600_000);
    expect(countWeek([entry(new Date(2026, 2, 30, 0, 0).toISOString()), entry(lateSunday.toISOString())], now)).toEqual({ passed: 2, sent: 0 });
    expect(countWeek([entry(new Date(2026, 3, 6, 0, 0).toISOString())], now)).toEqual({ passed: 0, sent: 0 });
  });
});
