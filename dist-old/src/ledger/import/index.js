import { clockify } from './clockify.js';
import { harvest } from './harvest.js';
import { parseTimeReport } from './pipeline.js';
import { toggl } from './toggl.js';
/**
 * The import family: each source recognises its tool's export by the header; the first to claim a
 * file reads it. Harvest and Toggl look first: their headers are the narrower (Clockify's shares
 * "Start Date" with Toggl's, and Clockify claims what it recognises of its own to name a missing
 * column).
 */
export const SOURCES = [harvest, toggl, clockify];
export function parseImportFile(text, opts) {
    return parseTimeReport(text, SOURCES, opts);
}
export { DATE_FORMATS } from './values.js';
//# sourceMappingURL=index.js.map