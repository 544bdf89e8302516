import { DiscoError } from '../../errors.js';
import type { ContributionOp } from '../ops.js';
import type { Stream } from '../streams.js';
import type { Delimiter } from './csv.js';
import type { Source, SourceId } from './source.js';
import type { DateFormat, DecimalMark } from './values.js';
/**
 * A time tracker's export → contribution ops for one member, the same way for every source. Pure:
 * no I/O, no clock. Rows by other people are someone else's to import: counted, never errors. The
 * caller decides what to do with bad rows (refuse the whole file, or skip them); every bad row is
 * reported with its line, so nothing is dropped silently.
 */
export interface ImportOptions {
    /** the file has no stream column: the user says which stream the rows are */
    stream: Stream;
    /** the names or emails in the file that are this member (trimmed, case-insensitive) */
    users: string[];
    /** absent: year-first dates as such, other dates' order detected from the whole file */
    dateFormat?: DateFormat;
}
/** What the import saw, to tell the person: which tool's report, in which layout. */
export interface DetectedLayout {
    source: SourceId;
    tool: string;
    report: string;
    delimiter: Delimiter;
    /** the order of the file's dates; undefined: year first, or none whose order matters */
    dates?: DateFormat;
    /** undefined: no number in the file shows its mark */
    decimalMark?: DecimalMark;
    notes: string[];
}
export interface ImportedRow {
    line: number;
    user: string;
    op: ContributionOp;
}
export interface ImportResult {
    layout: DetectedLayout;
    /** every key starts with this */
    keyPrefix: string;
    rows: ImportedRow[];
    bad: DiscoError[];
    /** rows by other people: theirs to import */
    notYours: number;
    /** their names (or emails) as the file writes them, sorted */
    others: string[];
}
export declare function parseTimeReport(text: string, sources: readonly Source[], opts: ImportOptions): ImportResult;
