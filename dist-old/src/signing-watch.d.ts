import type Autobase from 'autobase';
import type Hyperbee from 'hyperbee';
export declare class SigningWatch {
    private readonly base;
    private readonly intervalMs;
    private readonly random;
    private timer;
    private seen;
    /** the view length the nudges were for, and how many */
    private nudgedAt;
    private nudges;
    /** quiet intervals to let pass before the next nudge */
    private wait;
    /** `random` (in [0, 1)) draws the backoff; tests pass their own */
    constructor(base: Autobase<Hyperbee>, intervalMs: number, random?: () => number);
    start(): void;
    stop(): void;
    /** one look at the view (each interval; called directly by tests) */
    check(): Promise<void>;
}
