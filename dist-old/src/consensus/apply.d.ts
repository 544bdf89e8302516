import type { ApplyNode, HostCalls } from 'autobase';
import type Hyperbee from 'hyperbee';
import type { ErrorParams } from '../error-messages.js';
import type { OpType } from '../ledger/ops.js';
import { ViewTx } from './view-tx.js';
/**
 * A rejected op (or whole frame), as the view keeps it: the reason as its code and params, never
 * as words (PROTOCOL.md, "Rejections"): the digest covers this record, and words are free to
 * change between releases.
 */
export interface StoredRejection {
    id: string;
    writer: string;
    seq: number;
    /** the op's index in its block, or 'frame' when the whole block was refused */
    index: number | 'frame';
    type: OpType | null;
    code: string;
    params: ErrorParams;
}
/** A rejection as it is shown: with its reason in words, rendered when read. */
export interface Rejection extends StoredRejection {
    message: string;
}
/** The words of a stored rejection, in this release's catalogue. A view written before
 * rejections were codes holds the words instead of params (UPGRADE.md): those are shown. */
export declare function renderRejection(r: StoredRejection): Rejection;
export interface RejectionCount {
    stored: number;
    total: number;
}
/**
 * The deterministic apply (docs/DESIGN.md, "Determinism of apply"): a pure function of the view so far
 * and the linearised blocks. It reads nothing but the view, keeps no state between calls (the
 * bee's read caches outlive a call only while the view provably holds what they were read from:
 * bee-cache.ts), and never throws on bad data: a block or op that fails a check is recorded as
 * rejected, with its reason, and changes nothing else. Only a ledger that needs a newer protocol
 * than this node knows stops it (host.interrupt), so that an old node stops instead of diverging.
 */
export declare function apply(nodes: ApplyNode[], view: Hyperbee, host: HostCalls): Promise<void>;
/** What apply needs of an autobase node: who wrote it, its length in the writer's core, its bytes. */
export interface LinearBlock {
    from: {
        key: Uint8Array;
    };
    length: number;
    value: Uint8Array;
}
/**
 * Apply linearised blocks to a batch, in order, until one interrupts the host. `disco verify`
 * replays a ledger through this same function into memory. Returns how many ops the blocks
 * carried (a block that does not decode carries none).
 */
export declare function applyBlocks(tx: ViewTx, nodes: LinearBlock[], host: HostCalls): Promise<number>;
/** One block of the linearised order (`order/<n>`). */
export interface OrderRecord {
    writer: string;
    seq: number;
}
