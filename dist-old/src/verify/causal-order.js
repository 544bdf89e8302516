import { short } from './writer-core.js';
/**
 * Checks that a linearised order respects every block's causal dependencies: a writer's blocks
 * in the order they were written, and each block after every block its heads name. Blocks that
 * autobase never hands to apply (indexers' acks, which carry no value, and the blocks of a
 * removed writer) count as linearised when something later depends on them.
 */
export class CausalOrder {
    blocks;
    removed;
    /** per writer, how many of its first blocks are linearised */
    linearised = new Map();
    constructor(blocks, removed) {
        this.blocks = blocks;
        this.removed = removed;
    }
    /** Take the next block of the order: null, or the first way it breaks causality. */
    next(writer, seq) {
        const at = `${short(writer)}/${seq}`;
        if ((this.linearised.get(writer) ?? 0) > seq)
            return `block ${at} comes after a later block of its own writer, or twice`;
        const block = this.blocks.get(writer)?.[seq];
        if (block === undefined)
            return `block ${at} is not in its writer's core`;
        if (block.value === null)
            return `block ${at} carries no value, yet was applied`;
        const own = this.reach(writer, seq);
        if (own !== null)
            return `block ${at} was applied before ${own} of the same writer`;
        for (const head of block.heads) {
            const missing = this.reach(head.writer, head.length);
            if (missing !== null)
                return `block ${at} was applied before ${missing}, which it depends on`;
        }
        this.linearised.set(writer, seq + 1);
        return null;
    }
    /** Make the writer's first `length` blocks linearised: null, or the first one that is not. */
    reach(writer, length) {
        const blocks = this.blocks.get(writer) ?? [];
        let have = this.linearised.get(writer) ?? 0;
        for (; have < length; have++) {
            const block = blocks[have];
            if (block === undefined)
                return `block ${short(writer)}/${have} (not in its writer's core)`;
            if (block.value !== null && !this.removed.has(writer))
                return `block ${short(writer)}/${have}`;
        }
        if (have > (this.linearised.get(writer) ?? 0))
            this.linearised.set(writer, have);
        return null;
    }
}
//# sourceMappingURL=causal-order.js.map