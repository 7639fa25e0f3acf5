/**
 * The log as a small CSV file the reader can download: one row per pause, oldest first, times in ISO 8601
 * (UTC, so a spreadsheet anywhere reads them alike). It holds what the log holds, never the message.
 */
import type { PauseLogEntry } from './pause-data';
import type { PauseCopy } from './pause-copy';

/** One CSV field: always quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The CSV text of the log (CRLF line ends, as RFC 4180 has them). */
export function logToCsv(entries: readonly PauseLogEntry[], copy: PauseCopy): string {
  const { log, feelings } = copy;
  const rows = [...entries]
    .sort((first, second) => Date.parse(first.chosenAt) - Date.parse(second.chosenAt))
    .map((entry) => [
      entry.startedAt,
      entry.chosenAt,
      entry.feeling === null ? '' : (feelings[entry.feeling] ?? entry.feeling),
      log.choices[entry.choice],
      entry.endedEarly ? log.yes : log.no,
    ]);
  return [log.csvHeader, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The file's name for a download made on `date` (its local day). */
export function logFileName(date: Date): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `letting-go-pauses-${day}.csv`;
}
