import type { WriterBlock } from './writer-core.js';
/**
 * Checks that a linearised order respects every block's causal dependencies: a writer's blocks
 * in the order they were written, and each block after every block its heads name. Blocks that
 * autobase never hands to apply (indexers' acks, which carry no value, and the blocks of a
 * removed writer) count as linearised when something later depends on them.
 */
export declare class CausalOrder {
    private readonly blocks;
    private readonly removed;
    /** per writer, how many of its first blocks are linearised */
    private readonly linearised;
    constructor(blocks: ReadonlyMap<string, WriterBlock[]>, removed: ReadonlySet<string>);
    /** Take the next block of the order: null, or the first way it breaks causality. */
    next(writer: string, seq: number): string | null;
    /** Make the writer's first `length` blocks linearised: null, or the first one that is not. */
    private reach;
}
