import type { Source } from './source.js';
/**
 * Harvest's detailed time report CSV (Reports → Time → Detailed report → Export → CSV): Date,
 * Client, Project, Project Code, Task, Notes, Hours, Hours Rounded, Billable?, Invoiced?,
 * Approved?, First Name, Last Name, Roles, Employee?, Billable Rate, Billable Amount, Cost Rate,
 * Cost Amount, Currency ("Euro - EUR", or the bare code), External Reference URL. No times of day:
 * the hours are decimal ("1.5"), or H:MM under that time format. "Hours" is read, not "Hours
 * Rounded": the work done, not what the invoice rounds it to.
 */
export declare const harvest: Source;
