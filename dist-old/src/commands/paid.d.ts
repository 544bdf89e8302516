import type { DiscoNode } from '../node.js';
import type { StatementView } from './statement.js';
/** Record that a distributed month's payouts were paid. */
export declare function paid(node: DiscoNode, input: {
    month: string;
    reference: string;
    date?: string;
}): Promise<{
    statement: StatementView;
}>;
