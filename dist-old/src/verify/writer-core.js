import b4a from 'b4a';
import { auditStoredCore, openWriterCore as openDecoded } from '../stack/writer-cores.js';
/**
 * A session on a writer's core that decrypts and decodes its blocks, as autobase opens it. When
 * blocks may be fetched, the session is active: hypercore replicates a core only while some session
 * of it is, and autobase leaves a writer's core inactive once it has read it to the end, so some
 * 20-40 s after a writer last wrote (hypercore's linger) its channels close on both ends, and an
 * inactive session would wait for a peer that never comes.
 */
function openWriterCore(base, writer, fetch) {
    return openDecoded(base, b4a.from(writer, 'hex'), { active: fetch !== null });
}
/**
 * Check a writer's core from its own storage: hypercore's audit re-hashes every stored block and
 * tree node against its parent, and a proof of the whole tree is checked as a peer knowing only
 * the writer's public key would check it (the roots' signature). Then read its blocks.
 */
export async function checkWriterCore(base, writer, fetch) {
    const core = openWriterCore(base, writer, fetch);
    try {
        await core.ready();
        const check = { writer, length: core.length, blocksAudited: 0, blocks: [], problem: null };
        if (core.length === 0)
            return check;
        const audit = await auditStoredCore(core);
        if (audit === null || audit.corrupt || audit.droppedBlocks > 0 || audit.droppedTreeNodes > 0) {
            return { ...check, problem: `writer ${short(writer)}: its stored Merkle tree or blocks do not hash to the signed roots` };
        }
        check.blocksAudited = audit.blocks;
        try {
            await core.verifyFullyRemote(await core.proof({ upgrade: { start: 0, length: core.length } }));
        }
        catch (err) {
            return { ...check, problem: `writer ${short(writer)}: the signature of its tree at length ${core.length} does not verify (${err.message})` };
        }
        check.blocks = await readBlocks(core, fetch);
        return check;
    }
    finally {
        await core.close();
    }
}
/** Every block, in order, read in parallel runs; a missing one ends the list. */
async function readBlocks(core, fetch) {
    const opts = fetch === null ? { wait: false } : { timeout: fetch.timeoutMs };
    const out = [];
    const RUN = 256;
    for (let start = 0; start < core.length; start += RUN) {
        const run = await Promise.all(Array.from({ length: Math.min(RUN, core.length - start) }, async (_, i) => await core.get(start + i, opts).catch(() => null)));
        for (const message of run) {
            if (message === null)
                return out;
            out.push({
                heads: message.node.heads.map(h => ({ writer: b4a.toString(h.key, 'hex'), length: h.length })),
                value: message.node.value
            });
        }
    }
    return out;
}
export function short(writer) {
    return writer.slice(0, 8);
}
//# sourceMappingURL=writer-core.js.map