import type { ContributionFields, ContributionOp, ContributionPatch } from './ops.js';
export type EntryStatus = 'active' | 'retracted';
/** A value entry as the ledger holds it now: the contribution, with its amends applied. */
export interface Entry extends Omit<ContributionFields, 'day'> {
    id: string;
    /** the member it counts for */
    member: string;
    /** the device (writer key, hex) that wrote it */
    device: string;
    /** the author's clock when it was written (ms) */
    time: number;
    /** the work date, YYYY-MM-DD */
    date: string;
    key: string;
    status: EntryStatus;
    /** how many amends changed it, and the last one's id */
    amends: number;
    lastAmend: string | null;
    retractReason: string;
    /** members who confirmed it (an amend clears them: they confirmed what it said before) */
    endorsedBy: string[];
    /** the federate (id) the work was for, when it was for one */
    forCoop?: string;
}
export declare function entryFromContribution(op: ContributionOp, ids: {
    id: string;
    member: string;
    device: string;
    time: number;
}): Entry;
export declare function entryFields(entry: Entry): ContributionFields;
/** The fields an entry has after a patch; the caller validates the result as a whole. */
export declare function patchedFields(entry: Entry, patch: ContributionPatch): ContributionFields;
export declare function withFields(entry: Entry, f: ContributionFields): Entry;
/** YYYY-MM. An entry's date is always a formatted day (formatDay), so its month is its prefix:
 * apply asks for it twice an entry, and parsing the date again cost more than the rest of it. */
export declare function entryMonth(entry: Entry): string;
