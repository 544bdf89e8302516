import type { NetworkOptions } from '../net/swarm.js';
/** What `disco mirror --json` reports. */
export interface MirrorStatus {
    /** the key members propose (`disco propose mirror add <key>`) */
    key: string;
    /** cores the mirror was asked to keep */
    cores: number;
    /** bytes of blocks it holds (as blind-peer last wrote it down: it does every 10 s) */
    bytes: number;
    /** its size cap, in bytes */
    maxBytes: number;
    /** it reached its cap: blind-peer clears the oldest cores' blocks to stay under it */
    full: boolean;
    /** bytes cleared to stay under the cap since the mirror started */
    cleared: number;
    /** connections open now (members' nodes) */
    peers: number;
    /** announced on the DHT, so that nodes can reach it (false until the DHT answered) */
    listening: boolean;
}
/**
 * A cooperative's mirror: Holepunch's blind-peer run as a service, in its own storage folder. It
 * keeps the cores members' nodes ask it to (blind-peering, src/mirror/link.ts) and serves them to
 * any node that asks for them by key. It never holds a ledger's encryption key: nothing here takes
 * one, and the blocks it stores are the ciphertext autobase writes.
 *
 * Its key pair is the identity members name in the ledger; it lives in `mirror-key` (a 32-byte
 * seed, owner-only) so that the mirror keeps its key across restarts. The swarm is ours, not
 * blind-peer's own, so that it binds where the operator says (127.0.0.1 on a loopback testnet).
 */
export declare class MirrorService {
    private readonly peer;
    private readonly swarm;
    private constructor();
    static open(storage: string, opts: {
        maxBytes: number;
        network: NetworkOptions;
    }): Promise<MirrorService>;
    private listening;
    private listened;
    private readonly emitter;
    /** Resolves once the mirror is announced on the DHT. */
    listen(): Promise<void>;
    get key(): string;
    status(): MirrorStatus;
    /** Emits on anything that may change the status (a connection, a core added, blocks stored). */
    onChange(listener: () => void): () => void;
    close(): Promise<void>;
}
