import { DiscoError } from '../errors.js';
import type { Money } from '../ledger/currency.js';
import type { Statement } from '../ledger/statement.js';
import type { OpContext } from './context.js';
import type { LateChange } from './late.js';
/**
 * A passed `distribute` proposal (docs/accounting.md, "Splitting a pool", "Closing the month"):
 * the statement is computed here, in apply, from the month's entries and the rules in force, so
 * every node writes the same bytes. Reads ranges of the view: distributions are rare.
 */
export interface DistributeAction {
    month: string;
    pool: Money;
}
/** Why the month cannot be distributed now, as a DiscoError; null if it can. */
export declare function distributable(month: string, ctx: OpContext): Promise<DiscoError | null>;
interface Computed {
    statement: Statement;
    settles: LateChange[];
}
/** The statement the action would write, or the reason (a proposal failure) it cannot. */
export declare function computeDistribution(a: DistributeAction, ctx: OpContext, proposal: string): Promise<Computed | string>;
export declare function writeDistribution({ statement, settles }: Computed, ctx: OpContext): Promise<void>;
export {};
