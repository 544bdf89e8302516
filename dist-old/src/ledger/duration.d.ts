/**
 * "3h", "90m", "1h30m", "1.5h", "2:30" → minutes, as an integer. Decimal hours are parsed on
 * their digits (1.5h = 15 × 60 / 10 minutes), so no float ever holds a duration; a decimal that
 * is not a whole number of minutes (1.33h) is refused rather than rounded behind the user's back.
 */
export declare function parseDuration(text: string): number;
export declare function checkMinutes(minutes: number, label?: string | number): void;
/** 90 → "1h30m", 180 → "3h", 45 → "45m". */
export declare function formatMinutes(minutes: number): string;
