import type { ProposalAction } from '../ledger/ops.js';
import type { Role } from '../ledger/roles.js';
import type { Rules } from '../ledger/rules.js';
/** A proposal's action as JSON in the view and in command output: keys as hex. */
export type ActionView = {
    kind: 'admit';
    writer: string;
    role: Role;
    name: string;
} | {
    kind: 'role';
    member: string;
    role: Role;
} | {
    kind: 'remove';
    member: string;
} | {
    kind: 'indexers';
    devices: string[];
} | {
    kind: 'protocol';
    version: number;
} | {
    kind: 'motion';
} | {
    kind: 'rules';
    rules: Rules;
} | {
    kind: 'distribute';
    month: string;
    pool: number;
    currency: string;
} | {
    kind: 'federate';
    key: string;
    topic: string;
    name: string;
} | {
    kind: 'unfederate';
    key: string;
} | {
    kind: 'trust';
    key: string;
    value: number;
    stage: number;
} | {
    kind: 'checkins';
    days: number;
} | {
    kind: 'deliberation';
    hours: number;
} | {
    kind: 'mirrors';
    keys: string[];
};
export declare function actionView(a: ProposalAction): ActionView;
