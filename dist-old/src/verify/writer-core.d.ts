import type Autobase from 'autobase';
/** One block of a writer's core, as verify needs it: its causal heads and its value. */
export interface WriterBlock {
    heads: Array<{
        writer: string;
        length: number;
    }>;
    /** null for an indexer's ack, which autobase never hands to apply */
    value: Uint8Array | null;
}
/** What checking one writer's core found. */
export interface WriterCheck {
    writer: string;
    length: number;
    /** blocks whose hash was checked against the Merkle tree */
    blocksAudited: number;
    /** blocks present and read (a core may hold a sparse copy) */
    blocks: WriterBlock[];
    /** why this core cannot be trusted, or null */
    problem: string | null;
}
/**
 * Check a writer's core from its own storage: hypercore's audit re-hashes every stored block and
 * tree node against its parent, and a proof of the whole tree is checked as a peer knowing only
 * the writer's public key would check it (the roots' signature). Then read its blocks.
 */
export declare function checkWriterCore(base: Autobase<unknown>, writer: string, fetch: FetchMissing): Promise<WriterCheck>;
/**
 * Whether to fetch from peers the blocks this device does not hold: a node that caught up by
 * fast-forwarding holds only what it needed. Offline, a missing block ends the list (and verify
 * names it); online, it is downloaded, and its proof checked, as any replicated block is.
 */
export type FetchMissing = {
    timeoutMs: number;
} | null;
export declare function short(writer: string): string;
