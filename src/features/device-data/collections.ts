/**
 * Every collection a tool keeps on this device (see src/kit/collection.ts), with the words that name its
 * entries. The backup file carries each of them, "Erase everything" lists and removes them, and the lock
 * encrypts them with the rest. A tool that keeps a collection adds one line here.
 */
import type { CollectionEntry, CollectionSpec } from '../../kit/collection';
import { WORKBOOK_SPEC } from '../workbook/workbook-spec';
import { PAUSE_DRAFTS, PAUSE_LOG } from '../pause/pause-data';
import { REMINDERS } from '../reminders/reminder-records';

/** A collection and how to name its entries to the reader: "1 note", "{count} notes". */
export interface KeptCollection {
  // Entries differ per tool; this list only reads what every entry has.
  readonly spec: CollectionSpec<CollectionEntry>;
  readonly words: { readonly one: string; readonly many: string };
}

/** The collections kept on this device, in the order pages list them. */
export const COLLECTIONS: readonly KeptCollection[] = [
  { spec: PAUSE_DRAFTS as unknown as CollectionSpec<CollectionEntry>, words: { one: '1 unsent message', many: '{count} unsent messages' } },
  { spec: PAUSE_LOG as unknown as CollectionSpec<CollectionEntry>, words: { one: '1 pause logged', many: '{count} pauses logged' } },
  { spec: WORKBOOK_SPEC, words: { one: '1 workbook note', many: '{count} workbook notes' } },
  { spec: REMINDERS as unknown as CollectionSpec<CollectionEntry>, words: { one: '1 check-in reminder', many: '{count} check-in reminders' } },
];
