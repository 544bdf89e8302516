/**
 * The ledger's time (docs/governance.md, "Ledger time"): what apply takes as "now" for deadlines,
 * month ends and invite expiry. A frame's time is only its author's claim, so no single claim may
 * move it. Each full member (the participants whose votes bind on every proposal) counts with the
 * latest time any of their devices wrote; the ledger time is the lower median of those times, and
 * it never goes back.
 *
 * To push it past a moment, more than half of the members must have written after that moment:
 * the same majority that could pass any proposal by voting. To hold it back, at least half must
 * stay silent (or write old times). One liar, however far ahead their clock, moves it no further
 * than the honest member whose time is the median.
 */
export function lowerMedian(times) {
    if (times.length === 0)
        return null;
    const sorted = [...times].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
}
/** How many members must have written after a moment for the ledger time to pass it. */
export function membersToPass(members) {
    return members - Math.floor((members - 1) / 2);
}
/** The minimum deliberation a proposal gets when no proposal has changed it: a day. */
export const DEFAULT_DELIBERATION_HOURS = 24;
/** The longest minimum deliberation a cooperative may set: 90 days. */
export const MAX_DELIBERATION_HOURS = 90 * 24;
export const HOUR_MS = 3_600_000;
//# sourceMappingURL=ledger-time.js.map