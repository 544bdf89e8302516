import type { IncomeRecord } from '../ledger/income.js';
import type { DiscoNode } from '../node.js';
import type { MoneyView } from './views.js';
export interface IncomeInput {
    amount: string;
    currency: string;
    /** who paid */
    from: string;
    /** YYYY-MM-DD, today when absent */
    date?: string;
    message?: string;
    key?: string;
}
export type IncomeView = Omit<IncomeRecord, 'amount' | 'currency'> & {
    money: MoneyView;
};
export declare function incomeView(r: IncomeRecord): IncomeView;
/** Record money the cooperative received. With a key, recording it again writes nothing. */
export declare function income(node: DiscoNode, input: IncomeInput): Promise<{
    income: IncomeView;
    duplicate: boolean;
}>;
