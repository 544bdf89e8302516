import type { DiscoNode } from '../node.js';
import type { ContributionInput } from './contribution-input.js';
import type { EntryView } from './views.js';
export interface LogInput extends ContributionInput {
    /** return only once a peer holds the entry (needs a node on the swarm: `disco start`) */
    confirm?: boolean;
    /** how long to wait for that, in ms (default 30 s) */
    confirmTimeoutMs?: number;
}
export interface LogOutput {
    entry: EntryView;
    /** true when the idempotency key was used before: nothing new was written */
    duplicate: boolean;
    /** with `confirm`: a peer holds the entry */
    confirmed?: boolean;
}
/** Log a value entry for this device's member. */
export declare function log(node: DiscoNode, input: LogInput): Promise<LogOutput>;
