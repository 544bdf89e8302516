/**
 * Size limits of ops and their fields, in UTF-8 bytes. They are part of the protocol: every node
 * rejects an op over them in apply, so that one member cannot fill every other member's disk.
 * Changing one means a new protocol version.
 */
export declare const LIMITS: {
    readonly coopName: 100;
    readonly memberName: 100;
    readonly description: 1000;
    readonly project: 100;
    readonly tag: 40;
    readonly tags: 16;
    readonly key: 128;
    readonly client: 100;
    readonly commons: 100;
    readonly reason: 1000;
    readonly proposalText: 2000;
    readonly reference: 200;
    readonly indexers: 16;
    /** a cooperative's mirrors (each keeps a whole copy of the ciphertext) */
    readonly mirrors: 8;
    /** a federate's name, and a contribution's `forCoop` (a federate id, 64 hex) */
    readonly federateName: 100;
    /** a federate core's encoded manifest and a (multi)signature over its tree: room for 16 signers */
    readonly manifest: 2048;
    readonly signature: 2048;
    /** merkle nodes in a dispute's proof (a tree of 2^64 blocks has at most 64 roots) */
    readonly treeNodes: 128;
};
/** One entry's duration: at most a 31-day month of 24-hour days. */
export declare const MAX_MINUTES: number;
/** The largest amount of money in minor units (10^15: a trillion euros, well inside 2^53). */
export declare const MAX_MONEY_MINOR = 1000000000000000;
/** Ops packed into one autobase block, and the block's size. */
export declare const MAX_OPS_PER_FRAME = 1024;
export declare const MAX_FRAME_BYTES: number;
/** Rejections stored per writer; beyond this only a count is kept. */
export declare const MAX_STORED_REJECTIONS = 1000;
/** Work dates accepted: 2000-01-01 … 2099-12-31 (as days since 1970-01-01). */
export declare const MIN_DAY = 10957;
export declare const MAX_DAY = 47481;
