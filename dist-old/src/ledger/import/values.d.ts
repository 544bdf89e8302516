import type { Money } from '../currency.js';
/**
 * Dates, decimals and durations as time trackers export them: the layout follows each user's
 * settings (month or day first, a decimal point or a decimal comma, H:MM:SS or decimal hours), so
 * the file as a whole says which one it uses. Every value is read on its digits, never through a
 * float, and a value that could be read two ways is refused rather than guessed.
 */
export declare const DATE_FORMATS: readonly ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY"];
/** Which comes first; the separator ('/', '-' or '.') does not matter. */
export type DateFormat = typeof DATE_FORMATS[number];
export type DecimalMark = '.' | ',';
/**
 * Slash and dash dates say nothing about their order; the file as a whole may. Dotted dates
 * (5.3.2024) are day first: no tool writes month.day.year.
 */
export declare function detectDateFormat(dates: string[]): DateFormat | undefined;
/**
 * A day number from a date in the file's format (undefined: year first, or not ambiguous). A
 * detected format leaves year-first dates readable (they say their order); a format the person gave
 * (`strict`) is the only one read.
 */
export declare function parseDay(text: string, format: DateFormat | undefined, strict?: boolean): number;
/**
 * The file's decimal mark, from the numbers that show theirs. A file mixing both has none: each
 * number is then read by itself, and one that could be read two ways is refused.
 */
export declare function detectDecimalMark(numbers: string[]): DecimalMark | undefined;
/**
 * "1,200.50" or "1.200,50" → ["1200", "50"]: thousands groups only in threes, at most one decimal
 * mark. `fileMark` settles "1,200" and "1.234"; without it they are refused.
 */
export declare function decimalDigits(text: string, fileMark: DecimalMark | undefined, what: string): [string, string];
/**
 * Hours as trackers write them, to whole minutes: "1:30:00" and "1:30" (seconds round half up, so a
 * 45-second timer is one minute), or decimal hours "1.50" / "1,50" (rounded to the nearest minute,
 * half up). Always BigInt on the digits: no float, no overflow.
 */
export declare function minutesFromHours(text: string, fileMark: DecimalMark | undefined): number;
/** An amount's digits in the file's layout; null when empty or zero: not billed. */
export declare function amountDigits(text: string, fileMark: DecimalMark | undefined): [string, string] | null;
/** An amount in the file's layout, in minor units of `currency`; null when empty or zero. */
export declare function parseAmount(text: string, currency: string, fileMark: DecimalMark | undefined): Money | null;
/**
 * The currency of an amount column or cell: "Billable Amount (USD)", "Amount (EUR)", "EUR",
 * "Euro - EUR". Null: the file names none (Toggl writes "Amount ()" when no rate is set).
 */
export declare function currencyIn(text: string): string | null;
