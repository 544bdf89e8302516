import type { NetworkOptions } from '../net/swarm.js';
import type { DashboardOptions } from '../web/server.js';
import type { FederationEvent } from '../federation/desk.js';
export interface RunOptions {
    storage: string;
    network: NetworkOptions;
    /** status lines as JSON objects, one a line */
    json?: boolean;
    ackInterval?: number;
    /** where status lines go (stdout) and warnings (stderr) */
    out?: (line: string) => void;
    warn?: (line: string) => void;
    /** what stops the node (default SIGINT and SIGTERM) */
    signals?: NodeJS.Signals[];
    /** at most one status line per this many ms (default 1000) */
    statusInterval?: number;
    /** serve the dashboard too (`disco serve`, `disco start --serve`) */
    serve?: DashboardOptions;
    /** how long to wait for another command to let go of the store (default STORE_WAIT_MS) */
    storeWaitMs?: number;
}
/** What a status line shows; a line is printed when any of it changes. */
export interface NodeStatus {
    peers: number;
    members: number;
    devices: number;
    length: number;
    signedLength: number;
    writable: boolean;
}
export type NodeEvent = {
    type: 'ready';
    storage: string;
    cooperative: string | null;
    ledger: string;
    socket: string;
    network: string;
    pid: number;
} | ({
    type: 'status';
} & NodeStatus) | {
    type: 'joined';
}
/** the dashboard's addresses, with the login token: the one line that carries it */
 | {
    type: 'dashboard';
    urls: string[];
} | {
    type: 'stopping';
    signal: string;
    commands: number;
} | {
    type: 'stopped';
} | {
    type: 'federation';
    event: FederationEvent;
};
/**
 * `disco start`: the node in the foreground, on the network, serving the other commands over its
 * control socket until SIGINT or SIGTERM; then it stops accepting connections, lets the commands
 * under way finish, and closes the node (so that every append is on disk) before it returns.
 */
export declare function runNode(opts: RunOptions): Promise<void>;
