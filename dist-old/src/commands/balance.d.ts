import type { DiscoNode } from '../node.js';
import type { BalanceView } from './views.js';
export interface BalanceInput {
    member?: string;
    /** YYYY-MM; the whole history when absent */
    month?: string;
}
export interface MemberBalance {
    member: string;
    name: string;
    role: string;
    streams: BalanceView[];
}
export interface BalanceOutput {
    /** YYYY-MM, or "all" */
    period: string;
    members: MemberBalance[];
    /** the sum over the members listed */
    total: BalanceView[];
}
/** Hours and money per member and stream, for a month or for all time: lookups, not a replay. */
export declare function balance(node: DiscoNode, input: BalanceInput): Promise<BalanceOutput>;
