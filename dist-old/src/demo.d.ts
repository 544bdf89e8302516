import type { ProposalView } from './commands/proposal-view.js';
import type { BalanceOutput } from './commands/balance.js';
import type { EntryView } from './commands/views.js';
import type { StatementView } from './commands/statement.js';
export interface DemoNodeState {
    name: string;
    role: string;
    length: number;
    signedLength: number;
    digest: string | null;
}
export interface DemoOutput {
    folder: string;
    kept: boolean;
    entries: EntryView[];
    balance: BalanceOutput;
    nodes: DemoNodeState[];
    proposals: ProposalView[];
    /** the distributed month's statement, as each node prints it */
    statements: StatementView[];
    /** from Cy's reconnection until all three nodes held the same signed ledger */
    reconnectMs: number;
}
/**
 * `disco demo`: a three-member cooperative on this machine, with no network but loopback. A DHT
 * testnet on 127.0.0.1; Ana founds the cooperative and invites Bo and Cy; each logs work in the
 * three streams; Cy goes offline and keeps logging; Cy reconnects and all three converge; Cy
 * becomes a member by vote; the month's income is recorded, the month distributed and paid.
 */
export declare function runDemo(opts?: {
    keep?: string;
    onStep?: (text: string) => void;
}): Promise<DemoOutput>;
