import type { BeeReader } from 'hyperbee';
import type { CheckinRecord, DisputeRecord, Federate, FederationRules } from './federation.js';
/** Reads of the federation's part of the view (docs/federation.md). */
export declare function listFederates(r: BeeReader, opts?: {
    removed?: boolean;
}): Promise<Federate[]>;
export declare function getFederate(r: BeeReader, id: string): Promise<Federate | null>;
/** A federate by name (case-insensitive), id or unique id prefix (8+ hex). */
export declare function resolveFederate(r: BeeReader, text: string, opts?: {
    removed?: boolean;
}): Promise<Federate>;
export declare function listCheckins(r: BeeReader, federate: string): Promise<CheckinRecord[]>;
export declare function listDisputes(r: BeeReader, federate?: string): Promise<DisputeRecord[]>;
export declare function getFederationRules(r: BeeReader): Promise<FederationRules>;
