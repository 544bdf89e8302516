import type { ImportOptions, ImportResult } from './pipeline.js';
import type { Source } from './source.js';
/**
 * The import family: each source recognises its tool's export by the header; the first to claim a
 * file reads it. Harvest and Toggl look first: their headers are the narrower (Clockify's shares
 * "Start Date" with Toggl's, and Clockify claims what it recognises of its own to name a missing
 * column).
 */
export declare const SOURCES: readonly Source[];
export declare function parseImportFile(text: string, opts: ImportOptions): ImportResult;
export type { DetectedLayout, ImportedRow, ImportOptions, ImportResult } from './pipeline.js';
export type { Source, SourceId } from './source.js';
export { DATE_FORMATS } from './values.js';
export type { DateFormat } from './values.js';
