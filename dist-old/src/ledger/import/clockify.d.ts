import type { Source } from './source.js';
/**
 * Clockify's "detailed report" CSV (Reports → Detailed → Export → Save as CSV): one row per time
 * entry, with Project, Client, Description, Task, User, Group, Email, Tags, Billable, Start Date,
 * Start Time, End Date, End Time, Duration (h), Duration (decimal), Billable Rate (XXX) and
 * Billable Amount (XXX), the currency in the column's name. A team's export holds every
 * colleague's rows. Dates and decimals follow the exporting user's settings.
 */
export declare const clockify: Source;
