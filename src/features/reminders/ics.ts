/**
 * Writing an iCalendar file (RFC 5545) with one event and one alarm: the check-in reminder a reader downloads.
 * Plain TypeScript with no imports, loaded only when the reader asks for a reminder.
 *
 * What the file holds: VCALENDAR (PRODID, VERSION:2.0, CALSCALE:GREGORIAN, METHOD:PUBLISH) around one VEVENT
 * (UID, SEQUENCE, DTSTAMP in UTC, DTSTART as a floating local time so 7 pm stays 7 pm wherever the reader is,
 * DURATION, SUMMARY, DESCRIPTION, URL) with one VALARM (ACTION:DISPLAY, TRIGGER, DESCRIPTION).
 * Lines end in CRLF and are folded at 75 octets; text values are escaped. A calendar that already has an
 * event with the same UID replaces it when the SEQUENCE is higher, which is how a second download moves the
 * reminder instead of adding one.
 */

/** A local date and time with no time zone ("floating"), as the reader's calendar shows it. */
export interface LocalDateTime {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The one event of a reminder file. */
export interface CalendarEvent {
  /** Names the program that wrote the file: `-//Owner//Product//EN`. */
  prodId: string;
  uid: string;
  /** 0 for the first copy of this event; each new copy must be higher. */
  sequence: number;
  /** When this copy was made. */
  stampedAt: Date;
  startsAt: LocalDateTime;
  durationMinutes: number;
  summary: string;
  description: string;
  url: string;
  /** What the alarm says; it goes off when the event starts. */
  alarm: string;
}

const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon and comma get a backslash, a line break becomes `\n`. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into lines of at most 75 octets (UTF-8), each continuation starting with a space,
 * and never inside a character.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      // The leading space of a continuation line counts toward its 75.
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** A moment in UTC: `20261201T124800Z`. */
export function formatUtc(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** A floating local date and time: `20261208T190000`. */
export function formatLocal(time: LocalDateTime): string {
  return `${pad(time.year, 4)}${pad(time.month)}${pad(time.day)}T${pad(time.hour)}${pad(time.minute)}00`;
}

/** The file's text: every line folded, each ending in CRLF. */
export function buildCalendar(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${event.prodId}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(event.stampedAt)}`,
    `DTSTART:${formatLocal(event.startsAt)}`,
    `DURATION:PT${event.durationMinutes}M`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    // A URI value, not TEXT: it is written as it is.
    `URL:${event.url}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${escapeText(event.alarm)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
