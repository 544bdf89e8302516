import type { RulesChange } from './rules-change.js';
import type { DiscoNode } from '../node.js';
import type { ProposalView } from './proposal-view.js';
export interface ProposeInput {
    kind: string;
    /** what it is about (required for a motion) */
    text?: string;
    /** lazy consensus: a duration from now (72h) or a date (2026-12-01); none when absent */
    deadline?: string;
    /** ask all constituents (supporters vote too) */
    all?: boolean;
    /** role, remove: the participant (name or id) */
    member?: string;
    /** admit, role: the role */
    role?: string;
    /** admit: the device's writer key (hex, as `disco status` shows it) and the person's name */
    device?: string;
    name?: string;
    /** indexers: the devices (writer keys, hex) */
    devices?: string[];
    /** protocol: the version */
    version?: number;
    /** rules: what to change */
    rules?: RulesChange;
    /** distribute: the month (YYYY-MM), the pool and its currency */
    month?: string;
    amount?: string;
    currency?: string;
    /** federate: the code from the other cooperative's `disco federation invite` (and `name`) */
    code?: string;
    /** unfederate, trust: the federate (name or id) */
    federate?: string;
    /** trust: the trust value (0-100) and journey stage (1-7) */
    value?: number;
    stage?: number;
    /** checkins: the period in days */
    days?: number;
    /** deliberation: the minimum, in whole hours */
    hours?: number;
    /** mirrors: a mirror key (64 hex, as `disco mirror` prints it) to add to the set, or to remove from it */
    addMirror?: string;
    removeMirror?: string;
}
/** Put a proposal to the cooperative. It is decided by votes (`disco vote`) or, past a deadline, by `disco close`. */
export declare function propose(node: DiscoNode, input: ProposeInput, now?: number): Promise<{
    proposal: ProposalView;
}>;
