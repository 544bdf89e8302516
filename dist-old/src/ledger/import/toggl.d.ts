import type { Source } from './source.js';
/**
 * Toggl Track's detailed report CSV (Reports → Detailed → Export → Download as CSV): User, Email,
 * Client, Project, Task, Description, Billable, Start date, Start time, End date, End time,
 * Duration (H:MM:SS, or decimal hours under that duration setting), Tags, Amount (XXX) — "Amount ()"
 * when no rate is set. Newer exports name the person "Member" and the end "Stop date"/"Stop time":
 * both are read. A workspace export holds every member's rows.
 */
export declare const toggl: Source;
