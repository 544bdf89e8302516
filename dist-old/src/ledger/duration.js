import { DiscoError } from '../errors.js';
import { MAX_MINUTES } from './limits.js';
/**
 * "3h", "90m", "1h30m", "1.5h", "2:30" → minutes, as an integer. Decimal hours are parsed on
 * their digits (1.5h = 15 × 60 / 10 minutes), so no float ever holds a duration; a decimal that
 * is not a whole number of minutes (1.33h) is refused rather than rounded behind the user's back.
 */
export function parseDuration(text) {
    const s = text.trim().toLowerCase();
    let minutes;
    let m;
    if ((m = /^(\d{1,4})h(?:\s*(\d{1,2})m)?$/.exec(s)) !== null) {
        if (Number(m[2] ?? 0) >= 60)
            throw DiscoError.invalidDuration(text, 'minutes-over-59');
        minutes = Number(m[1]) * 60 + Number(m[2] ?? 0);
    }
    else if ((m = /^(\d{1,6})m(?:in)?$/.exec(s)) !== null) {
        minutes = Number(m[1]);
    }
    else if ((m = /^(\d{1,4})\.(\d{1,4})h$/.exec(s)) !== null) {
        const frac = m[2];
        const scaled = (Number(m[1]) * 10 ** frac.length + Number(frac)) * 60;
        const denom = 10 ** frac.length;
        if (scaled % denom !== 0) {
            throw DiscoError.invalidDuration(text, 'not-whole-minutes');
        }
        minutes = scaled / denom;
    }
    else if ((m = /^(\d{1,4}):([0-5]\d)$/.exec(s)) !== null) {
        minutes = Number(m[1]) * 60 + Number(m[2]);
    }
    else {
        throw DiscoError.invalidDuration(text, 'format');
    }
    checkMinutes(minutes, text);
    return minutes;
}
export function checkMinutes(minutes, label = minutes) {
    if (!Number.isSafeInteger(minutes) || minutes < 1) {
        throw DiscoError.invalidDuration(String(label), 'too-short');
    }
    if (minutes > MAX_MINUTES) {
        throw DiscoError.invalidDuration(String(label), 'too-long', { maxHours: MAX_MINUTES / 60 });
    }
}
/** 90 → "1h30m", 180 → "3h", 45 → "45m". */
export function formatMinutes(minutes) {
    const sign = minutes < 0 ? '-' : '';
    const abs = Math.abs(minutes);
    const h = Math.floor(abs / 60);
    const m = abs % 60;
    if (h === 0)
        return `${sign}${m}m`;
    if (m === 0)
        return `${sign}${h}h`;
    return `${sign}${h}h${String(m).padStart(2, '0')}m`;
}
//# sourceMappingURL=duration.js.map