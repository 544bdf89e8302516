import b4a from 'b4a';
import BlindPeering from 'blind-peering';
import { isMirrorKey } from '../ledger/mirrors.js';
/**
 * A node's side of its cooperative's mirrors (always-on blind peers, src/mirror/service.ts): asks
 * each to keep the ledger through Holepunch's blind-peering client, which connects to the mirror,
 * sends it the keys and lengths of the autobase's cores (this device's log, the writers' logs, the
 * view and system core) and replicates the corestore over that connection. So the node both hands
 * its blocks to the mirror and fetches what the mirror holds, like from any peer. The mirror gets
 * core keys and encrypted blocks; never the ledger's encryption key, which nothing here sends.
 */
export class MirrorLink {
    base;
    ledgerMirrors;
    extra;
    peering;
    keys = [];
    reading = null;
    readAgain = false;
    closed = false;
    /**
     * @param ledgerMirrors reads the mirrors the ledger names now (hex keys)
     * @param extra mirrors to use whatever the ledger says (the benchmark's)
     */
    constructor(dht, store, base, ledgerMirrors, extra = []) {
        this.base = base;
        this.ledgerMirrors = ledgerMirrors;
        this.extra = extra;
        // autobase's own wakeup protocol: a mirror tells the node on it which writers' logs grew
        const wakeup = base.wakeupProtocol;
        this.peering = new BlindPeering(dht, store, { keys: [], wakeup });
        this.refresh();
    }
    /** Read the ledger's mirrors again (after an update of the ledger); calls made meanwhile coalesce. */
    refresh() {
        if (this.closed)
            return;
        if (this.reading !== null) {
            this.readAgain = true;
            return;
        }
        this.reading = (async () => {
            do {
                this.readAgain = false;
                const named = await this.ledgerMirrors().catch(() => this.keys);
                if (this.closed)
                    return;
                // a key that is no ed25519 point would throw inside the connection code: apply refuses
                // such proposals, and this keeps it so whatever the view holds
                this.use([...new Set([...this.extra, ...named])].filter(k => /^[0-9a-f]{64}$/.test(k) && isMirrorKey(b4a.from(k, 'hex'))));
            } while (this.readAgain);
        })().finally(() => { this.reading = null; });
    }
    /** Use these mirrors (hex keys); asks each new one to keep the ledger. */
    use(keys) {
        if (keys.length === this.keys.length && keys.every((k, i) => k === this.keys[i]))
            return;
        const fresh = keys.filter(k => !this.keys.includes(k));
        // a mirror the cooperative stopped using: hang up on it (blind-peering only forgets the key)
        for (const gone of this.keys.filter(k => !keys.includes(k))) {
            this.peering.blindPeers.get(gone)?.destroy();
            this.peering.blindPeers.delete(gone);
        }
        this.keys = [...keys];
        this.peering.setKeys(keys);
        if (fresh.length === 0)
            return;
        // every mirror, not the closest two of them: each is a separate home for the whole ledger
        this.peering.addAutobaseBackground(this.base, { pick: keys.length });
    }
    get mirrorKeys() { return this.keys; }
    /**
     * Whether a connection to each mirror is up, and how far behind this node's copy it is: per
     * core, the blocks up to `length` (what this node can hand on: its own log whole, the view and
     * system core as far as the indexers signed them) that the mirror has not said it holds.
     */
    states(cores) {
        return this.keys.map(key => {
            const client = this.peering.blindPeers.get(key);
            const reached = client?.connected === true;
            if (!reached)
                return { key, reached, behind: null };
            let behind = 0;
            for (const { core, length } of cores) {
                const peer = core.peers.find(p => p.remotePublicKey !== null && b4a.toString(p.remotePublicKey, 'hex') === key);
                behind += Math.max(0, length - (peer?.remoteContiguousLength ?? 0));
            }
            return { key, reached, behind };
        });
    }
    async close() {
        this.closed = true;
        await this.reading;
        await this.peering.close();
    }
}
//# sourceMappingURL=link.js.map