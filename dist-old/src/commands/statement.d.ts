import type { BeeReader } from 'hyperbee';
import type { LateChange } from '../consensus/late.js';
import type { Statement, StatementLine } from '../ledger/statement.js';
import type { Stream } from '../ledger/streams.js';
import type { DiscoNode } from '../node.js';
/**
 * A statement as commands hand it out: the ledger's record with decimal amounts and the late
 * changes since. Everything in it comes from the view, so every node that has the same ledger
 * prints the same bytes.
 */
export interface StatementView extends Omit<Statement, 'lines'> {
    poolDisplay: string;
    lines: Array<StatementLine & {
        amountsDisplay: Record<Stream, string>;
        totalDisplay: string;
    }>;
    paidByName: string | null;
    /** changes to this month after it was distributed: they do not change this statement */
    late: LateChange[];
}
export declare function statementView(r: BeeReader, month: string): Promise<StatementView>;
/** `disco statement <month>`, or every statement when no month is named. */
export declare function statement(node: DiscoNode, input: {
    month?: string;
}): Promise<{
    statements: StatementView[];
}>;
