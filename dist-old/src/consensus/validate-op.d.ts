import type { Op } from '../ledger/ops.js';
/**
 * An op's full check before it is appended (the node) or applied (apply): the ledger's content
 * checks (ledger/validate.ts), then, for a check-in or a dispute, the federate's signatures
 * (hypercore's verifier, through src/stack). Throws a DiscoError naming the first problem, in the
 * order the ledger always checked them; pure and deterministic.
 */
export declare function validateOpWithSignatures(op: Op): void;
