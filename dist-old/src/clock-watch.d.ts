import type { DiscoNode } from './node.js';
/**
 * Moves the ledger time on when something waits on it. The ledger time is the lower median of the
 * full members' latest written times (ledger/ledger-time.ts), so members who write nothing hold it
 * back: a motion past its deadline could not be closed while most members stay silent. So a running
 * node of a full member writes a `tick` — an op that only says its clock — when its own clock has
 * passed a moment the ledger waits for and its member's latest time has not:
 * - the end of an open proposal's deadline or minimum deliberation;
 * - the end of the month the ledger time is in (a month is distributed once it is over).
 * At most one tick per such moment, since the tick itself carries the member past it.
 */
export declare class ClockWatch {
    private readonly node;
    private readonly intervalMs;
    private readonly now;
    private timer;
    private running;
    /** `now` is this machine's clock; tests pass their own */
    constructor(node: DiscoNode, intervalMs: number, now?: () => number);
    start(): void;
    stop(): void;
    /** One look; returns whether it wrote a tick (called directly by tests). */
    check(): Promise<boolean>;
    /** The moment this member's tick would carry the ledger past, or null when none waits. */
    private awaitedMoment;
}
