import type { LinearBlock } from './apply.js';
import { MemoryStore } from './view-store.js';
/**
 * A from-scratch replay of linearised blocks through the same apply, into memory: no autobase, no
 * hyperbee, no storage. What it ends with is what any honest node's view must hold after the same
 * blocks; `disco verify` compares the two key by key.
 */
export declare class Replay {
    readonly store: MemoryStore;
    /** the reason the replay stopped, if a block asked for a newer protocol */
    interrupted: string | null;
    /** blocks taken in (the last one may have interrupted) */
    blocks: number;
    /** the ops those blocks carried */
    ops: number;
    /** writers a passed removal took out (autobase applies none of their later blocks) */
    readonly removed: Set<string>;
    private readonly host;
    constructor();
    /**
     * Apply the next blocks as one batch (a batch's boundaries do not change the resulting view:
     * test/apply.test.ts checks it), unless an earlier block interrupted the replay.
     */
    add(blocks: LinearBlock[]): Promise<void>;
    /**
     * Apply a whole ledger's blocks, in runs: a batch holds every key it touched until it flushes,
     * so a run stops at 1,024 blocks or 64 KiB of ops (one packed block of an import), whichever
     * comes first. `onRun` hears how many blocks were taken in before each run.
     */
    addAll(blocks: LinearBlock[], onRun?: (done: number) => void): Promise<void>;
}
