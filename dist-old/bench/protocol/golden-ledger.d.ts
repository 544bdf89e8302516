import type { LinearBlock } from '../../src/consensus/apply.js';
export declare const GOLDEN_SEED = 20261206;
export interface GoldenBlock {
    /** the writer's key, hex */
    writer: string;
    /** the block's length in its writer's core once appended (its seq + 1) */
    length: number;
    /** the block's bytes, hex */
    value: string;
}
/** The golden ledger's blocks, in their linearised order. */
export declare function goldenLedger(seed?: number): GoldenBlock[];
/** The blocks as apply takes them. */
export declare function linearBlocks(blocks: GoldenBlock[]): LinearBlock[];
