import type Autobase from 'autobase';
import type Hypercore from 'hypercore';
import type { OplogMessage } from 'autobase/lib/messages.js';
/**
 * A writer's core as `disco verify` reads it (src/verify/writer-core.ts): decoded the way autobase
 * decodes it, and audited against its own Merkle tree.
 */
/** One block of a writer's core, decoded: the node autobase linearises and its causal heads. */
export type WriterMessage = OplogMessage;
/**
 * A session on a writer's core that decrypts and decodes its blocks, as autobase opens it
 * (autobase 7.28.1 index.js, `_makeWriterCore`). The block encoding is autobase's OplogMessage
 * from lib/messages.js: the public `Autobase.decodeValue` returns only a block's value, and verify
 * needs its causal heads too; `Autobase.getLocalCore` opens this device's own core only.
 * `active`: whether hypercore may replicate it while it is open (to fetch missing blocks).
 */
export declare function openWriterCore(base: Autobase<unknown>, key: Uint8Array, opts: {
    active: boolean;
}): Hypercore;
/** What an audit of a core's storage found: tree nodes and blocks that do not hash to their
 * parents/leaves are dropped ones; `corrupt` when a root itself is missing. */
export interface CoreAudit {
    treeNodes: number;
    blocks: number;
    droppedTreeNodes: number;
    droppedBlocks: number;
    corrupt: boolean;
}
/**
 * Re-hash every stored block and tree node of the core against its parent, up to its signed roots,
 * changing nothing (hypercore 11.37.1 lib/audit.js through the session's shared core,
 * `core.core.audit({ dryRun: true })`). Hypercore has no public audit of one core: corestore's
 * `audit` walks every core of the store. Null when hypercore could not audit it.
 */
export declare function auditStoredCore(core: Hypercore): Promise<CoreAudit | null>;
