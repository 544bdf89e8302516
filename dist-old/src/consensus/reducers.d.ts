import type { Op } from '../ledger/ops.js';
import type { OpContext } from './context.js';
/** The effects of one valid-looking op on the view. Throws a DiscoError (the rejection reason)
 * when the ledger's state forbids it; the caller rolls back whatever it had written. */
export declare function reduce(op: Op, ctx: OpContext): Promise<void>;
