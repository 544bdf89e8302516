import { DiscoError } from '../../errors.js';
import { parseMoney } from '../currency.js';
import { dayFromParts, parseDate } from '../dates.js';
import { checkMinutes } from '../duration.js';
/**
 * Dates, decimals and durations as time trackers export them: the layout follows each user's
 * settings (month or day first, a decimal point or a decimal comma, H:MM:SS or decimal hours), so
 * the file as a whole says which one it uses. Every value is read on its digits, never through a
 * float, and a value that could be read two ways is refused rather than guessed.
 */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'];
/** "2024-03-05", "2024/03/05" */
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/** "05/03/2024", "5.3.2024", "03-05-2024" */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
/**
 * Slash and dash dates say nothing about their order; the file as a whole may. Dotted dates
 * (5.3.2024) are day first: no tool writes month.day.year.
 */
export function detectDateFormat(dates) {
    let dayFirst;
    let monthFirst;
    let ambiguous;
    for (const text of dates) {
        const m = YEAR_LAST.exec(text);
        if (m === null)
            continue;
        const a = Number(m[1]);
        const b = Number(m[3]);
        if (a > 12 || m[2] === '.')
            dayFirst ??= text;
        else if (b > 12)
            monthFirst ??= text;
        else if (a !== b)
            ambiguous ??= text; // 03/03 reads the same either way
    }
    const pass = 'pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY';
    if (dayFirst !== undefined && monthFirst !== undefined) {
        throw new DiscoError('AMBIGUOUS_DATES', `the dates in this file fit neither MM/DD/YYYY ("${dayFirst}") nor DD/MM/YYYY ("${monthFirst}") throughout: ${pass}`);
    }
    if (dayFirst !== undefined)
        return 'DD/MM/YYYY';
    if (monthFirst !== undefined)
        return 'MM/DD/YYYY';
    if (ambiguous !== undefined) {
        throw new DiscoError('AMBIGUOUS_DATES', `the dates in this file (e.g. "${ambiguous}") could be month first or day first: ${pass}`);
    }
    return undefined; // no such dates, or none whose order matters
}
/**
 * A day number from a date in the file's format (undefined: year first, or not ambiguous). A
 * detected format leaves year-first dates readable (they say their order); a format the person gave
 * (`strict`) is the only one read.
 */
export function parseDay(text, format, strict = false) {
    if (format === 'YYYY-MM-DD')
        return parseDate(text);
    const ymd = YEAR_FIRST.exec(text);
    if (ymd !== null && (format === undefined || !strict))
        return dayFromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), text);
    const m = YEAR_LAST.exec(text);
    if (m === null)
        throw DiscoError.invalidDate(text, 'expected-format', format !== undefined ? { format } : {});
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const dayFirst = format === 'DD/MM/YYYY' || (format === undefined && (a > 12 || m[2] === '.'));
    return dayFirst ? dayFromParts(year, b, a, text) : dayFromParts(year, a, b, text);
}
/**
 * Which mark a number uses, when it shows: "1,50" and "1.200,50" a comma, "1.50" and "1,200.50" a
 * point. "1,200" and "1.234" (three digits after a single mark) could be either: no vote.
 */
function markOf(text) {
    const dot = text.lastIndexOf('.');
    const comma = text.lastIndexOf(',');
    if (dot !== -1 && comma !== -1)
        return dot > comma ? '.' : ',';
    const at = Math.max(dot, comma);
    if (at === -1)
        return undefined;
    const after = text.length - at - 1;
    if (after === 3 && /^\d{1,3}$/.test(text.slice(0, at)))
        return undefined;
    return dot !== -1 ? '.' : ',';
}
/**
 * The file's decimal mark, from the numbers that show theirs. A file mixing both has none: each
 * number is then read by itself, and one that could be read two ways is refused.
 */
export function detectDecimalMark(numbers) {
    const seen = new Set();
    for (const n of numbers) {
        const mark = markOf(n.trim());
        if (mark !== undefined)
            seen.add(mark);
    }
    return seen.size === 1 ? [...seen][0] : undefined;
}
/**
 * "1,200.50" or "1.200,50" → ["1200", "50"]: thousands groups only in threes, at most one decimal
 * mark. `fileMark` settles "1,200" and "1.234"; without it they are refused.
 */
export function decimalDigits(text, fileMark, what) {
    const t = text.trim();
    const mark = markOf(t) ?? fileMark;
    if (mark === undefined && /[.,]/.test(t)) {
        throw new DiscoError('AMBIGUOUS_NUMBER', `${what} "${text}" could be read with "${t.includes(',') ? ',' : '.'}" as a decimal mark or as a thousands separator, and no other number in the file says which`);
    }
    const group = mark === ',' ? '.' : ',';
    const m = new RegExp(`^(\\d{1,3}(?:\\${group}\\d{3})+|\\d+)(?:\\${mark ?? '.'}(\\d+))?$`).exec(t);
    if (m === null)
        throw new DiscoError('INVALID_NUMBER', `${what} "${text}" is not a number`);
    return [m[1].replaceAll(group, ''), m[2] ?? ''];
}
/**
 * Hours as trackers write them, to whole minutes: "1:30:00" and "1:30" (seconds round half up, so a
 * 45-second timer is one minute), or decimal hours "1.50" / "1,50" (rounded to the nearest minute,
 * half up). Always BigInt on the digits: no float, no overflow.
 */
export function minutesFromHours(text, fileMark) {
    const t = text.trim();
    const hms = /^(\d{1,6}):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
    let minutes;
    if (hms !== null) {
        minutes = Number(hms[1]) * 60 + Number(hms[2]) + (Number(hms[3] ?? 0) >= 30 ? 1 : 0);
    }
    else {
        if (!/^[\d.,]+$/.test(t))
            throw DiscoError.invalidDuration(text, 'import-hours');
        let whole;
        let frac;
        try {
            [whole, frac] = decimalDigits(t, fileMark, 'duration');
        }
        catch (err) {
            throw new DiscoError('INVALID_DURATION', `invalid duration "${text}": ${err.message.replace(/^duration "[^"]*" /, '')}`);
        }
        if (whole.length > 6 || frac.length > 12)
            throw DiscoError.invalidDuration(text, 'too-many-digits');
        const denom = 10n ** BigInt(frac.length);
        minutes = Number((BigInt(whole + frac) * 60n * 2n + denom) / (2n * denom));
    }
    checkMinutes(minutes, text);
    return minutes;
}
/** An amount's digits in the file's layout; null when empty or zero: not billed. */
export function amountDigits(text, fileMark) {
    const t = text.trim();
    if (t === '')
        return null;
    let digits;
    try {
        digits = decimalDigits(t, fileMark, 'amount');
    }
    catch (err) {
        throw new DiscoError('INVALID_AMOUNT', `invalid amount "${text}": ${err.message.replace(/^amount "[^"]*" /, '')}`);
    }
    return /^0*$/.test(digits[0] + digits[1]) ? null : digits;
}
/** An amount in the file's layout, in minor units of `currency`; null when empty or zero. */
export function parseAmount(text, currency, fileMark) {
    const digits = amountDigits(text, fileMark);
    if (digits === null)
        return null;
    const [whole, frac] = digits;
    return parseMoney(frac === '' ? whole : `${whole}.${frac}`, currency);
}
/**
 * The currency of an amount column or cell: "Billable Amount (USD)", "Amount (EUR)", "EUR",
 * "Euro - EUR". Null: the file names none (Toggl writes "Amount ()" when no rate is set).
 */
export function currencyIn(text) {
    const m = /(?:^|\(|\s-\s|\s)([A-Za-z]{3})\)?$/.exec(text.trim());
    return m === null ? null : m[1].toUpperCase();
}
//# sourceMappingURL=values.js.map