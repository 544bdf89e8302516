import type { EntryView } from '../commands/views.js';
import type { MirrorStatus } from './service.js';
export interface MirrorDemoOutput {
    folder: string;
    kept: boolean;
    mirror: MirrorStatus;
    /** the ledger as each member's node ends with it */
    nodes: Array<{
        name: string;
        entries: EntryView[];
        length: number;
        signedLength: number;
        digest: string | null;
    }>;
}
/**
 * `disco demo --mirror`: two members whose nodes are never online at the same time share their work
 * through a mirror (the real blind-peer, in this process, on a loopback testnet). Ana founds the
 * cooperative, Bo joins, they adopt the mirror; then only one of them is online at a time.
 */
export declare function runMirrorDemo(opts?: {
    keep?: string;
    onStep?: (text: string) => void;
}): Promise<MirrorDemoOutput>;
