import { EventEmitter } from 'node:events';
import b4a from 'b4a';
import { signedStateFromProof, verifyEvidence } from '../consensus/federate-signatures.js';
import { proofAt, readHead } from './heads.js';
/** A peer that keeps serving bad data gets one probe a minute, not one per message. */
const PROBE_EVERY_MS = 60_000;
export class Witness extends EventEmitter {
    store;
    watched = new Map();
    /** set while on the network */
    prober = null;
    constructor(store) {
        super();
        this.store = store;
    }
    has(id) { return this.watched.has(id); }
    ids() { return [...this.watched.keys()]; }
    isFrozen(id) { return this.watched.get(id)?.frozen ?? false; }
    /** Open a federate's core by key (idempotent). */
    async watch(id, name) {
        const known = this.watched.get(id);
        if (known !== undefined) {
            known.name = name;
            return;
        }
        const core = this.store.get({ key: b4a.from(id, 'hex') });
        const w = { id, name, core, last: null, frozen: false, probing: false, probedAt: 0 };
        this.watched.set(id, w);
        core.on('conflict', (_length, _fork, proof) => { this.onConflict(w, proof); });
        core.on('append', () => { void this.remember(w); });
        // A peer served a signed continuation that does not fit the history held here. On a core with
        // a prologue (an autobase system core) hypercore 11.37.1 checks a conflict only at the
        // prologue's length and never raises one: the probe fetches that peer's history to prove it.
        core.on('verification-error', (err, _req, _res, from) => {
            if (err.code !== 'INVALID_SIGNATURE' || w.frozen || w.probing || Date.now() - w.probedAt < PROBE_EVERY_MS)
                return;
            void this.suspect(w, from?.remotePublicKey ?? null);
        });
        await core.ready();
        // Keep a full copy (ciphertext): hypercore proves a conflict from the tree nodes it holds, and
        // a sparse copy often lacks the ones a proof at an older length needs. It is also a backup
        // of the federate's signed history that only its members can read.
        core.download({ start: 0, end: -1 });
        await this.remember(w);
    }
    async unwatch(id) {
        const w = this.watched.get(id);
        if (w === undefined)
            return;
        this.watched.delete(id);
        await w.core.close().catch(() => { });
    }
    async close() {
        for (const id of this.ids())
            await this.unwatch(id);
    }
    /** Ask connected peers for the federate's latest signed length. */
    async update(id) {
        const w = this.watched.get(id);
        if (w === undefined || w.frozen || w.core.closed)
            return;
        try {
            await w.core.update();
        }
        catch {
            return; // a core closed by a conflict, or no peer: the next round tries again
        }
        await this.remember(w);
    }
    /** The federate's signed head as this node holds it now (local storage, no network). */
    async head(id) {
        const w = this.watched.get(id);
        if (w === undefined)
            return null;
        if (!w.frozen && !w.core.closed)
            await this.remember(w);
        return w.last;
    }
    async remember(w) {
        try {
            const head = await readHead(w.core);
            if (head !== null)
                w.last = head;
        }
        catch {
            // closed meanwhile: keep the last head
        }
    }
    /**
     * Compare the federate's core with what this cooperative witnessed. Returns a finding when its
     * history no longer extends a check-in; null when it does (or this node cannot tell yet).
     */
    async audit(id, witnessed) {
        const w = this.watched.get(id);
        if (w === undefined || w.frozen || w.core.closed)
            return null;
        const head = await readHead(w.core).catch(() => null);
        if (head === null)
            return null;
        for (const ci of [...witnessed].sort((a, b) => b.length - a.length)) {
            const seen = { length: ci.length, fork: ci.fork, treeHash: b4a.from(ci.treeHash, 'hex'), signature: b4a.from(ci.signature, 'hex') };
            if (head.state.length >= ci.length) {
                const hash = await w.core.treeHash(ci.length).catch(() => null);
                if (hash === null || b4a.equals(hash, seen.treeHash))
                    continue;
                // a longer head: the merkle nodes from this core's own storage show its tree at the
                // checked-in length (the witness took the federate's signed reorg)
                const proof = head.state.length === ci.length ? { prefix: [], extension: [] } : await proofAt(w.core, ci.length);
                const evidence = proof === null ? null : this.proven(w, head, seen, proof);
                return { federate: id, name: w.name, evidence, message: `${w.name}'s signed history no longer extends the check-in at length ${ci.length}: another tree hash there` };
            }
            if (head.state.fork > ci.fork) {
                return { federate: id, name: w.name, evidence: this.proven(w, head, seen), message: `${w.name} truncated its signed history to ${head.state.length}, below the check-in at length ${ci.length}` };
            }
        }
        return null;
    }
    proven(w, head, witnessed, proof = { prefix: [], extension: [] }) {
        const evidence = { federate: b4a.from(w.id, 'hex'), manifest: head.manifest, witnessed, observed: head.state, ...proof };
        try {
            verifyEvidence(evidence);
            return evidence;
        }
        catch {
            return null;
        }
    }
    onConflict(w, proof) {
        w.frozen = true;
        const manifest = w.core.manifest;
        const upgrade = proof.upgrade;
        let evidence = null;
        if (manifest !== null && upgrade !== null && w.last !== null) {
            const observed = signedStateFromProof(manifest, proof.fork, upgrade);
            if (observed !== null) {
                const candidate = {
                    federate: b4a.from(w.id, 'hex'),
                    manifest: w.last.manifest,
                    witnessed: w.last.state,
                    observed,
                    prefix: observed.length === upgrade.length ? [] : upgrade.nodes,
                    extension: observed.length === upgrade.length ? [] : upgrade.additionalNodes
                };
                evidence = this.checked(candidate);
            }
        }
        this.emit('finding', {
            federate: w.id,
            name: w.name,
            evidence,
            message: `${w.name} signed two histories of its ledger (hypercore reported a conflict at length ${upgrade?.length ?? '?'}; its core is frozen here)`
        });
    }
    async suspect(w, peer) {
        w.probing = true;
        w.probedAt = Date.now();
        let evidence = null;
        try {
            if (this.prober !== null && peer !== null && w.last !== null)
                evidence = await this.prober(b4a.from(w.id, 'hex'), peer, w.last);
        }
        finally {
            w.probing = false;
        }
        if (evidence !== null)
            w.frozen = true;
        this.emit('finding', {
            federate: w.id,
            name: w.name,
            evidence,
            message: evidence !== null
                ? `a peer serves another signed history of ${w.name}: it does not contain the one witnessed here at length ${evidence.witnessed.length}`
                : `a peer served a signed history of ${w.name} that does not extend the one witnessed here: a rewrite is suspected (no offline evidence yet)`
        });
    }
    checked(e) {
        try {
            verifyEvidence(e);
            return e;
        }
        catch {
            return null;
        }
    }
}
//# sourceMappingURL=witness.js.map