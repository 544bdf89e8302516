import type { Op } from './ops.js';
/**
 * Split ops, in order, into as few frames as the limits allow. Many ops in one block is how bulk
 * work goes fast (docs/DESIGN.md, "The stack": autobase, not signing, caps a ledger at ~250 blocks/s).
 */
export declare function packOps<T extends Op>(ops: T[]): T[][];
