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
export declare function lowerMedian(times: readonly number[]): number | null;
/** How many members must have written after a moment for the ledger time to pass it. */
export declare function membersToPass(members: number): number;
/** The minimum deliberation a proposal gets when no proposal has changed it: a day. */
export declare const DEFAULT_DELIBERATION_HOURS = 24;
/** The longest minimum deliberation a cooperative may set: 90 days. */
export declare const MAX_DELIBERATION_HOURS: number;
export declare const HOUR_MS = 3600000;
