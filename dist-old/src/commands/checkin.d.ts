import type { DiscoNode } from '../node.js';
export interface CheckinResult {
    federate: string;
    name: string;
    id: string;
    length: number;
}
/**
 * `disco checkin [name]`: witness a federate's signed history now (all federates when none is
 * named): a `checkin` op with its signed length, tree hash and signature, as this node holds them.
 */
export declare function checkin(node: DiscoNode, input: {
    federate?: string;
}): Promise<{
    checkins: CheckinResult[];
}>;
