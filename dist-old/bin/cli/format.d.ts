import type { BalanceView, EntryView, MoneyView } from '../../src/commands/views.js';
import type { ProposalView } from '../../src/commands/proposal-view.js';
import type { Rules } from '../../src/ledger/rules.js';
/** The rules on one line, in the words of docs/accounting.md. */
export declare function rulesText(r: Rules): string;
/** Tables and lines for people; --json prints the handlers' objects instead. */
export declare function moneyText(money: MoneyView[] | MoneyView | null): string;
export declare function entryLine(e: EntryView): string;
export declare function entriesTable(entries: EntryView[]): string[];
export declare function balanceTable(rows: Array<{
    name: string;
    streams: BalanceView[];
}>, total: BalanceView[]): string[];
export declare function proposalLine(p: ProposalView): string;
