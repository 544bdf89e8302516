import type { Entry } from '../ledger/entries.js';
/**
 * An entry as the view stores it under `entry/<date>/<id>`: without what the key already says (the
 * work date, the id, and the device that wrote it, which is the id's writer), without the member
 * when it is that writer too (a member's first device: the common case), and without the fields
 * that still hold their defaults. A freshly logged entry takes under half the bytes of the whole
 * object, and each of its bytes is stored, hashed for the digest and downloaded by every node
 * (bench P1, P8).
 */
export type EntryRecord = Partial<Entry>;
export declare function entryRecord(entry: Entry): EntryRecord;
export declare function entryFromRecord(id: string, date: string, record: EntryRecord): Entry;
/** The entry an `entry/<date>/<id>` key holds. */
export declare function entryFromKey(key: string, record: EntryRecord): Entry;
