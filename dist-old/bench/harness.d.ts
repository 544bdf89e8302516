/**
 * The bench suite's harness: options, repetitions and their median, targets, and the output (a
 * table, or JSON). A scenario is one file `bench/p<N>-<name>.ts` that exports `scenario`; run.ts
 * finds every such file, so adding a scenario touches nothing else.
 */
export interface BenchOptions {
    /** small sizes and short windows: the whole suite in under two minutes */
    quick: boolean;
    /** flags for the node processes a scenario spawns (the Pi stand-in caps their heap) */
    childFlags: string[];
    /** a progress line (stderr, so that --json stays clean on stdout) */
    say: (line: string) => void;
}
/** What a row must meet: a ratio disco / baseline, or an absolute bound on the disco figure. */
export type Target = {
    ratioAtLeast: number;
} | {
    ratioAtMost: number;
} | {
    atMost: number;
} | {
    atLeast: number;
}
/** a figure kept for its trend, with no target of the issue's */
 | {
    none: true;
};
export interface Measure {
    /** what is measured, e.g. "ops/s" or "ms per call" */
    metric: string;
    unit: string;
    disco: number;
    /** the raw stack's figure in the same run; null when the scenario has none */
    baseline: number | null;
    target: Target;
    /** anything else worth keeping (sizes, every repetition, peaks) */
    detail?: Record<string, unknown>;
}
export interface Scenario {
    /** "P1" … */
    id: string;
    title: string;
    /** what the baseline is, in a few words */
    baseline: string;
    run: (opts: BenchOptions) => Promise<Measure[]>;
}
export interface Row extends Measure {
    id: string;
    title: string;
    baselineName: string;
    ratio: number | null;
    targetText: string;
    met: boolean;
}
export declare function median(xs: number[]): number;
/** Run `fn` `n` times, one after the other; every value, and their median. */
export declare function repeat(n: number, fn: (i: number) => Promise<number>): Promise<{
    median: number;
    runs: number[];
}>;
/** ms since `start` (process.hrtime.bigint()) */
export declare function msSince(start: bigint): number;
export declare function timed<T>(fn: () => Promise<T>): Promise<{
    ms: number;
    value: T;
}>;
/** Three significant digits at most: the noise is larger than that. */
export declare function round(x: number): number;
export declare function toRow(s: Scenario, m: Measure): Row;
/** A plain-text table, one line a measure. */
export declare function table(rows: Row[]): string;
