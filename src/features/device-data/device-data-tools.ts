/**
 * What My results fetches when the reader first uses its tools (kit/chunk-url.ts): the backup file out and in,
 * and listing and erasing everything the site keeps. Until then the page carries none of this code.
 */
export { createBackup, restoreBackupText } from './backup';
export { describeKept, eraseStoredData } from './erase';
