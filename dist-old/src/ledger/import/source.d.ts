import { DiscoError } from '../../errors.js';
/**
 * What every import source is: a time tracker's export it recognises by its header, and a reader
 * that turns one of its rows into text fields. The pipeline (pipeline.ts) does the rest the same
 * way for every source: dates, decimals, durations, whose row it is, the idempotency key and the
 * op. A new source is one small module and a line in index.ts.
 */
export type SourceId = 'clockify' | 'toggl' | 'harvest';
export interface Source {
    id: SourceId;
    /** "Clockify" */
    tool: string;
    /** Every imported row's idempotency key starts with this, so a re-run finds them in one range read. */
    keyPrefix: string;
    /**
     * The source's reader for this header, or null when it is not the source's. A report of the
     * source's that holds no entries (a summary) is refused here, naming what to export instead.
     */
    layout: (header: Header) => Layout | null;
}
export interface Layout {
    /** "detailed report" */
    report: string;
    /** how the row's fields were found, for the person to check: 'durations from "Duration (h)"' */
    notes: string[];
    /** the column that names the row's person, for error messages */
    personColumn: string;
    read: (cells: string[]) => RowText;
}
/** A row's fields as the file writes them: the pipeline parses and checks them. */
export interface RowText {
    /** who did the work: a name, and an email where the file has one (either may match --user) */
    person: string;
    email: string;
    date: string;
    /** "1:30:00", "1:30", "1.50", "1,50" */
    hours: string;
    description: string;
    project: string;
    client: string;
    /** comma-separated */
    tags: string;
    /** '' when the file has none */
    amount: string;
    /** the amount's currency, null when the file names none */
    currency: string | null;
    /**
     * What the row's idempotency key hashes: the row's own cells, never its position, so a re-export
     * with rows added keeps the others' keys. Never the stream: the same hours stay the same hours.
     */
    identity: string[];
}
/** A header's column names, found case- and space-insensitively. */
export declare class Header {
    readonly raw: string[];
    private readonly names;
    constructor(raw: string[]);
    get length(): number;
    has(...names: string[]): boolean;
    /** The first column whose lower-cased name matches. */
    find(test: (name: string) => boolean): number;
    /** A reader of the named column (the first of the names present), or null. */
    column(...names: string[]): Cell | null;
    /** Like column, but a missing column makes the file not the source's report. */
    need(source: string, report: string, ...names: string[]): Cell;
    /** A column that may be absent: absent reads as ''. */
    optional(...names: string[]): Cell;
}
export type Cell = (cells: string[]) => string;
export declare const cellAt: (i: number) => Cell;
/** "Fix login" and task "Backend" → "Fix login — Backend"; either may be empty. */
export declare function withTask(description: string, task: string): string;
/** A summary report: refused whole, with what to export instead. */
export declare function summaryReport(tool: string, instead: string): DiscoError;
