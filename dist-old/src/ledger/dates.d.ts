export declare function parseDate(text: string): number;
export declare function dayFromParts(year: number, month: number, day: number, label: string): number;
export declare function checkDay(days: number, label?: string | number): void;
export declare function formatDay(days: number): string;
/** "2026-11" of a day number. */
export declare function monthOfDay(days: number): string;
export declare function parseMonth(text: string): string;
/** The first instant after a month (ms since the epoch, UTC): when it is over. */
export declare function monthEndTime(month: string): number;
/** The last day of a month, YYYY-MM-DD. */
export declare function lastDayOfMonth(month: string): string;
/** Today's date on this machine's calendar, for defaults in handlers (never in apply). */
export declare function today(now?: Date): number;
