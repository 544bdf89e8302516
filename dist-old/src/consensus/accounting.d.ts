import type { EndorseOp, IncomeOp, PaidOp } from '../ledger/ops.js';
import type { OpContext } from './context.js';
/** The accounting ops that are not proposals: endorsements, income, payments. */
export declare function endorse(op: EndorseOp, ctx: OpContext): Promise<void>;
export declare function income(op: IncomeOp, ctx: OpContext): Promise<void>;
export declare function paid(op: PaidOp, ctx: OpContext): Promise<void>;
