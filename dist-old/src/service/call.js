import fs from 'node:fs/promises';
import { DiscoError } from '../errors.js';
import { defaultStorage } from '../storage.js';
import { connectControl, request, waitForControl } from './control-client.js';
import { socketLocation } from './socket-path.js';
const WAIT_FOR_NODE_MS = 3000;
/**
 * Run a command against a storage folder: through the running node's control socket when a
 * `disco start` serves that folder, otherwise by opening the store for this one call. Either way
 * the same handler runs (src/service/handlers.ts) and the same result or error comes back.
 *
 * Loading this module loads no ledger code: a call to a running node stays fast.
 */
export async function callCommand(storage, name, input, opts = {}) {
    const dir = storage ?? defaultStorage();
    const socket = await connectControl(dir);
    if (socket !== null)
        return await request(socket, name, input, opts.onProgress);
    try {
        return await runLocally(dir, name, input, opts);
    }
    catch (err) {
        if (!(err instanceof DiscoError) || err.code !== 'STORE_BUSY')
            throw err;
        // A node may have taken the store a moment ago and not be listening yet.
        const late = await waitForControl(dir, opts.waitForNodeMs ?? WAIT_FOR_NODE_MS);
        if (late === null)
            throw err;
        return await request(late, name, input, opts.onProgress);
    }
}
async function runLocally(storage, name, input, opts) {
    const [{ DiscoNode }, { dispatch }] = await Promise.all([import('../node.js'), import('./handlers.js')]);
    const node = await DiscoNode.open({ storage });
    try {
        await removeStaleSocket(storage);
        return await dispatch(node, name, input, { running: false, progress: value => opts.onProgress?.(value) });
    }
    finally {
        await node.close();
    }
}
/** Holding the store, any socket of this folder is a leftover of a node that died: tidy it away. */
async function removeStaleSocket(storage) {
    try {
        const loc = await socketLocation(storage);
        await fs.rm(loc.path, { force: true });
        if (loc.fallbackDir !== null)
            await fs.rmdir(loc.fallbackDir).catch(() => { });
    }
    catch { } // tidying must never fail a command
}
//# sourceMappingURL=call.js.map