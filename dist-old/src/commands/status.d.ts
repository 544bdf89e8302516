import type { RejectionCount } from '../consensus/apply.js';
import type { DiscoNode } from '../node.js';
import type { MirrorState } from '../mirror/link.js';
export interface StatusOutput {
    storage: string;
    cooperative: string | null;
    /** the ledger's key: what other devices and members join */
    ledger: string;
    /** this device's writer key */
    device: string;
    member: {
        id: string;
        name: string;
        role: string;
    } | null;
    writable: boolean;
    indexer: boolean;
    members: number;
    devices: number;
    /** this device's own op log */
    localLength: number;
    /** the linearised ledger (autobase's system core) and how much of it the indexers signed */
    length: number;
    signedLength: number;
    /** changes to the view that the indexers have not signed yet: 0 when every entry is final (the
     * system core itself stays a block or two short, the indexers' own last acknowledgements) */
    unsignedChanges: number;
    /** the view's order-independent digest: equal on nodes with the same content */
    digest: string | null;
    protocol: {
        active: number | null;
        supported: number;
    };
    rejected: RejectionCount;
    /** the cooperative's mirrors: reached now or not, and how many blocks of this node's copy each lacks */
    mirrors: MirrorState[];
}
export declare function status(node: DiscoNode): Promise<StatusOutput>;
