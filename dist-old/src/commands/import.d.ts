import type { DateFormat, DetectedLayout } from '../ledger/import/index.js';
import type { DiscoErrorJson } from '../errors.js';
import type { DiscoNode } from '../node.js';
export interface ImportInput {
    /** path of a Clockify, Toggl Track or Harvest detailed report, exported as CSV */
    file: string;
    /** the stream every row is logged in (the file has none) */
    stream: string;
    /** the names (or emails) in the file that are you; your member name when absent */
    users?: string[];
    dateFormat?: DateFormat;
    /** import the good rows of a file that has bad ones */
    skipBad?: boolean;
    /** called as rows are written: (rows written so far, rows to write) */
    onProgress?: (done: number, total: number) => void;
}
export interface ImportOutput {
    file: string;
    /** which tool's report the file is, and the layout its dates and numbers were read in */
    layout: DetectedLayout;
    /** rows in the file, everyone's */
    rows: number;
    imported: number;
    /** rows already in the ledger from an earlier run of the same import */
    alreadyImported: number;
    /** rows by other people (a team export): theirs to import, not errors */
    notYours: number;
    /** those people, as the file names them */
    others: string[];
    /** bad rows skipped with --skip-bad */
    skipped: DiscoErrorJson[];
}
/**
 * Import hours from a time tracker's export (src/ledger/import: Clockify, Toggl Track, Harvest),
 * all or nothing: a file with a bad row imports nothing unless
 * `skipBad`. Each row carries an idempotency key made from its content, so a re-run adds nothing.
 */
export declare function importFile(node: DiscoNode, input: ImportInput): Promise<ImportOutput>;
