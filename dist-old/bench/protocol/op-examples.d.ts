import type { Frame, Op, OpType } from '../../src/ledger/ops.js';
export declare const ABSENT: unique symbol;
interface OpTable<T extends Op> {
    /** the op with only what it must have; optional fields at their absent form ('' / null / []) */
    base: T;
    /** per optional field: the values to try it with (each gives an example; the base gives "absent") */
    vary?: {
        [K in keyof T]?: ReadonlyArray<T[K] | typeof ABSENT>;
    };
}
type Tables = {
    [T in OpType]: OpTable<Extract<Op, {
        type: T;
    }>>;
};
export declare const OP_TABLES: Tables;
export interface OpExample {
    name: string;
    op: Op;
}
/** Every example: `<type>` for the base, `<type>.<field>=<n>` for the n-th value of a field. */
export declare function opExamples(): OpExample[];
export interface FrameExample {
    name: string;
    frame: Frame;
}
/** Frames: the header's varints at their edges, and one frame of every base op. */
export declare function frameExamples(): FrameExample[];
export {};
