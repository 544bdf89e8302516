import type { Evidence } from '../ledger/federation.js';
import type { NetworkOptions } from '../net/swarm.js';
import type { SignedHead } from './heads.js';
/**
 * The other history, fetched to be proven. When a peer serves a federate's core that does not fit
 * the history the witness holds, hypercore 11.37.1 raises no conflict on a core with a prologue
 * (an autobase system core): it compares the two at the prologue's length, where they agree. So
 * the probe opens the same core, empty, in a store of its own, connects to that one peer only
 * (its own swarm, the same DHT), takes the whole signed history it serves, and builds the merkle
 * proof that its signature covers another tree at the witnessed length. Everything it fetched is
 * deleted after. Returns verified evidence, or null when the peer's history proves nothing.
 */
export interface ProbeOptions {
    network: NetworkOptions;
    key: Uint8Array;
    /** the peer's noise public key */
    peer: Uint8Array;
    witnessed: SignedHead;
    /** the probe gives up after this long (default 20 s) */
    timeoutMs?: number;
    /** stops it at once (the node closes) */
    signal?: AbortSignal;
}
export declare function probeHistory(opts: ProbeOptions): Promise<Evidence | null>;
