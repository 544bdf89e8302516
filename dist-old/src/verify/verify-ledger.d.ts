import type Autobase from 'autobase';
import type Hyperbee from 'hyperbee';
import type { BeeReader } from 'hyperbee';
import type { OrderRecord } from '../consensus/apply.js';
import type { FetchMissing } from './writer-core.js';
import type { ViewDifference } from './view-diff.js';
export interface VerifyProgress {
    phase: 'cores' | 'replay' | 'compare';
    done: number;
    total: number;
}
export interface VerifyReport {
    /** true only when every check passed */
    ok: boolean;
    /** the first thing that failed, in words; null when ok */
    problem: string | null;
    /** when the views differ: the first key, and what the view and the replay hold there */
    difference: ViewDifference | null;
    /** the ledger's length signed by a majority of indexers, and its whole length */
    signedLength: number;
    length: number;
    /** blocks in the linearised order, and the ops they carry */
    blocks: number;
    ops: number;
    writers: Array<{
        writer: string;
        length: number;
        blocksAudited: number;
    }>;
    /** view keys found equal, and how many of them each kind of record had */
    keys: number;
    counted: Record<string, number>;
    digest: {
        view: string | null;
        replay: string | null;
    };
    replay: {
        ms: number;
        opsPerSecond: number;
    };
}
/** The linearised order the view records (`order/<n>`), first block first. */
export declare function readOrder(view: BeeReader): Promise<OrderRecord[]>;
/**
 * `disco verify`: re-derive the view from the signed feeds alone and compare.
 *
 * 1. Every writer core the ledger names is audited (blocks and Merkle tree re-hashed) and its
 *    signed roots are checked against its public key.
 * 2. The linearised order the view records (`order/<n>`) is replayed from an empty view through
 *    the same apply, in memory, with the blocks read from the writers' cores.
 * 3. The order is checked against each block's causal heads.
 * 4. The replay and the view are compared key by key (entries, balances, decisions, statements,
 *    rejections and the digest are all keys of the view): the first difference is named.
 */
export declare function verifyLedger(base: Autobase<Hyperbee>, view: BeeReader, fetch: FetchMissing, onProgress?: (p: VerifyProgress) => void): Promise<VerifyReport>;
