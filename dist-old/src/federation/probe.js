import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Corestore from 'corestore';
import { verifyEvidence } from '../consensus/federate-signatures.js';
import { Network } from '../net/swarm.js';
import { proofAt, readHead } from './heads.js';
export async function probeHistory(opts) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'disco-probe-'));
    const store = new Corestore(dir);
    const network = new Network(opts.network, conn => store.replicate(conn));
    // a peer that goes away mid-download would leave it waiting for ever: closing the store ends
    // every wait, and the finally below cleans up
    let stopped = false;
    const stop = () => {
        if (stopped)
            return;
        stopped = true;
        void network.destroy().catch(() => { });
        void store.close().catch(() => { });
    };
    const timer = setTimeout(stop, opts.timeoutMs ?? 20_000);
    opts.signal?.addEventListener('abort', stop);
    try {
        const core = store.get({ key: opts.key });
        await core.ready();
        network.swarm.joinPeer(opts.peer);
        const witnessed = opts.witnessed.state;
        if (!await grows(core, witnessed.length, () => stopped))
            return null;
        await core.download({ start: 0, end: core.length }).done();
        const head = await readHead(core);
        if (head === null)
            return null;
        const evidence = { federate: opts.key, manifest: opts.witnessed.manifest, witnessed, observed: head.state, prefix: [], extension: [] };
        if (head.state.length > witnessed.length) {
            const proof = await proofAt(core, witnessed.length);
            if (proof === null)
                return null;
            evidence.prefix = proof.prefix;
            evidence.extension = proof.extension;
        }
        try {
            verifyEvidence(evidence);
            return evidence;
        }
        catch {
            return null;
        }
    }
    catch {
        return null;
    }
    finally {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', stop);
        stop();
        await network.destroy().catch(() => { });
        await store.close().catch(() => { });
        await fs.rm(dir, { recursive: true, force: true }).catch(() => { });
    }
}
/** Wait until the core holds a signed history at least `length` long (or the probe stops). */
async function grows(core, length, stopped) {
    while (core.length < length) {
        if (stopped() || core.closed)
            return false;
        await core.update({ wait: true }).catch(() => false);
        if (core.length < length)
            await new Promise(resolve => setTimeout(resolve, 100));
    }
    return true;
}
//# sourceMappingURL=probe.js.map