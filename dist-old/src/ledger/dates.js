import { DiscoError } from '../errors.js';
import { MAX_DAY, MIN_DAY } from './limits.js';
/**
 * Work dates travel as whole days since 1970-01-01 (UTC calendar, no time of day): a date is
 * what the member says it was, not an instant, so no time zone can move it.
 */
const MS_PER_DAY = 86_400_000;
export function parseDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
    if (m === null)
        throw DiscoError.invalidDate(text, 'format');
    return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);
}
export function dayFromParts(year, month, day, label) {
    const ms = Date.UTC(year, month - 1, day);
    const d = new Date(ms);
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
        throw DiscoError.invalidDate(label, 'no-such-day');
    }
    const days = ms / MS_PER_DAY;
    checkDay(days, label);
    return days;
}
export function checkDay(days, label = days) {
    if (!Number.isSafeInteger(days) || days < MIN_DAY || days > MAX_DAY) {
        throw DiscoError.invalidDate(String(label), 'out-of-range');
    }
}
/** Formatting a Date is slow and apply formats the same few days for every entry: remember them. */
const formatted = new Map();
export function formatDay(days) {
    let text = formatted.get(days);
    if (text === undefined) {
        text = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
        if (formatted.size >= 4096)
            formatted.clear();
        formatted.set(days, text);
    }
    return text;
}
/** "2026-11" of a day number. */
export function monthOfDay(days) {
    return formatDay(days).slice(0, 7);
}
export function parseMonth(text) {
    const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
    if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12)
        throw DiscoError.invalidMonth(text);
    return `${m[1]}-${m[2]}`;
}
/** The first instant after a month (ms since the epoch, UTC): when it is over. */
export function monthEndTime(month) {
    const [y, m] = month.split('-').map(Number);
    return Date.UTC(y, m, 1);
}
/** The last day of a month, YYYY-MM-DD. */
export function lastDayOfMonth(month) {
    return formatDay(monthEndTime(month) / MS_PER_DAY - 1);
}
/** Today's date on this machine's calendar, for defaults in handlers (never in apply). */
export function today(now = new Date()) {
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY;
}
//# sourceMappingURL=dates.js.map