import { EventEmitter } from 'node:events';
import Hyperswarm from 'hyperswarm';
import HyperDHT from 'hyperdht';
const LONELY_RETRY_MS = 5000;
/**
 * The ledger's presence on the network: one swarm that joins the ledger's discovery key and hands
 * every connection to `replicate`. It knows nothing of ops or views (docs/DESIGN.md, "Layers": net never decodes).
 */
export class Network extends EventEmitter {
    swarm;
    replicate;
    lonely = null;
    constructor(opts, replicate) {
        super();
        const dht = makeDht(opts);
        this.swarm = new Hyperswarm({ dht });
        this.replicate = replicate;
        this.swarm.on('connection', (conn) => {
            // a peer that drops mid-stream must not take the node down with it
            conn.on('error', () => { });
            this.replicate(conn);
            this.emit('peers', this.swarm.connections.size);
            conn.once('close', () => this.emit('peers', this.swarm.connections.size));
        });
    }
    get peers() {
        return this.swarm.connections.size;
    }
    /**
     * Announce on and look up the topic. Waits for the announce before looking (docs/DESIGN.md, "The stack": when every
     * peer joins at once, a plain flush can return with no connection).
     */
    async join(topic) {
        const discovery = this.swarm.join(topic, { client: true, server: true });
        // A node with no peer looks again every few seconds: connection attempts that failed (a busy
        // machine, a network that came back) are otherwise retried only after long back-offs.
        this.lonely ??= setInterval(() => {
            if (this.swarm.connections.size === 0)
                discovery.refresh({ client: true, server: true }).catch(() => { });
        }, LONELY_RETRY_MS);
        this.lonely.unref();
        await discovery.flushed();
        await discovery.refresh({ client: true, server: true });
        await this.swarm.flush();
    }
    /**
     * Also look for peers on another topic (a federate's, to replicate its signed core: witness
     * links, docs/federation.md). Every connection is replicated the same way; what gets exchanged
     * is whatever cores both sides have open.
     */
    async joinTopic(topic) {
        const discovery = this.swarm.join(topic, { client: true, server: true });
        await discovery.flushed();
        await this.swarm.flush();
    }
    async leaveTopic(topic) {
        await this.swarm.leave(topic);
    }
    async destroy() {
        if (this.lonely !== null)
            clearInterval(this.lonely);
        await this.swarm.destroy();
    }
}
/** A DHT node on the network the options name (a mirror's swarm uses one too: src/mirror). */
export function makeDht(opts) {
    return new HyperDHT({
        ...(opts.bootstrap !== undefined ? { bootstrap: opts.bootstrap } : {}),
        ...(opts.host !== undefined ? { host: opts.host } : {}),
        // Nothing is behind a NAT on loopback. Left to find that out, a new DHT node thinks itself
        // firewalled, and a connection to another process's node goes through hyperdht 6.34's LAN
        // shortcut, which races the holepunch it tears down: about half of first connections came
        // up half-open for 10-15 s (a `disco join` took 15-50 s). Told so, nodes connect directly.
        ...(opts.host !== undefined && isLoopback(opts.host) ? { firewalled: false } : {})
    });
}
function isLoopback(host) {
    return /^127\./.test(host) || host === 'localhost';
}
//# sourceMappingURL=swarm.js.map