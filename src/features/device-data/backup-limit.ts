/**
 * The size limit of a backup file, apart from backup.ts so that My results can refuse too large a file at
 * once without loading the backup code, which it fetches only when the reader uses it.
 */

/** Files over this size are refused before they are read: a real backup is a small fraction of it. */
export const MAX_BACKUP_BYTES = 5_000_000;
