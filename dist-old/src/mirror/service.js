import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import b4a from 'b4a';
import BlindPeer from 'blind-peer';
import Hyperswarm from 'hyperswarm';
import crypto from 'hypercore-crypto';
import { DiscoError } from '../errors.js';
import { makeDht } from '../net/swarm.js';
const KEY_FILE = 'mirror-key';
const PEER_FOLDER = 'blind-peer';
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
export class MirrorService {
    peer;
    swarm;
    constructor(peer, swarm) {
        this.peer = peer;
        this.swarm = swarm;
    }
    static async open(storage, opts) {
        if (!Number.isSafeInteger(opts.maxBytes) || opts.maxBytes <= 0)
            throw DiscoError.invalidArgument('the size cap must be a positive number of bytes');
        await refuseNodeFolder(storage);
        await fs.mkdir(storage, { recursive: true, mode: 0o700 });
        const keyPair = crypto.keyPair(await readOrMakeSeed(path.join(storage, KEY_FILE)));
        const swarm = new Hyperswarm({ dht: makeDht(opts.network), keyPair });
        const peer = new BlindPeer(path.join(storage, PEER_FOLDER), { swarm, maxBytes: opts.maxBytes });
        try {
            await peer.ready();
        }
        catch (err) {
            await peer.close().catch(() => { });
            await swarm.destroy().catch(() => { });
            throw busyError(err, storage);
        }
        const service = new MirrorService(peer, swarm);
        // announcing waits on the DHT: the key is known (and printed) before, and the status says
        // when nodes can reach the mirror
        service.listened = peer.listen().then(() => { service.listening = true; service.emitter.emit('change'); });
        service.listened.catch(() => { });
        return service;
    }
    listening = false;
    listened = Promise.resolve();
    emitter = new EventEmitter();
    /** Resolves once the mirror is announced on the DHT. */
    async listen() { await this.listened; }
    get key() { return b4a.toString(this.swarm.keyPair.publicKey, 'hex'); }
    status() {
        const digest = this.peer.digest;
        return {
            key: this.key,
            cores: digest.cores,
            bytes: digest.bytesAllocated,
            maxBytes: this.peer.maxBytes,
            full: digest.bytesAllocated >= this.peer.maxBytes || this.peer.stats.bytesGcd > 0,
            cleared: this.peer.stats.bytesGcd,
            peers: this.swarm.connections.size,
            listening: this.listening
        };
    }
    /** Emits on anything that may change the status (a connection, a core added, blocks stored). */
    onChange(listener) {
        const events = ['add-core', 'add-cores-done', 'core-activity', 'gc-done'];
        for (const e of events)
            this.peer.on(e, listener);
        const onConnection = (conn) => { listener(); conn.once('close', listener); };
        this.swarm.on('connection', onConnection);
        this.emitter.on('change', listener);
        return () => {
            this.emitter.off('change', listener);
            for (const e of events)
                this.peer.off(e, listener);
            this.swarm.off('connection', onConnection);
        };
    }
    async close() {
        await this.peer.close();
        await this.swarm.destroy();
    }
}
/** A member's node folder holds the encryption key: a mirror must never run in one. */
async function refuseNodeFolder(storage) {
    const looksLikeNode = await fs.stat(path.join(storage, 'config.json')).then(() => true, () => false);
    if (looksLikeNode) {
        throw DiscoError.invalidArgument(`${storage} is a member's node folder (it holds the ledger's keys): give the mirror a folder of its own`);
    }
}
async function readOrMakeSeed(file) {
    try {
        const seed = await fs.readFile(file);
        if (seed.byteLength !== 32)
            throw new DiscoError('MIRROR_KEY_DAMAGED', `${file} is not a mirror key (32 bytes): restore it from a backup, or move the folder aside to start a new mirror`, 'state');
        return seed;
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            throw err;
    }
    const seed = crypto.randomBytes(32);
    await fs.writeFile(file, seed, { mode: 0o600, flag: 'wx' });
    return seed;
}
function busyError(err, storage) {
    const message = String(err?.message ?? err);
    if (/lock|busy|EAGAIN|resource temporarily unavailable/i.test(message)) {
        return new DiscoError('STORE_BUSY', `another mirror is running on ${storage}`, 'state');
    }
    return err;
}
//# sourceMappingURL=service.js.map