import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { verifyEvidence } from '../consensus/federate-signatures.js';
/**
 * The evidence file (`disco federation --evidence <id> -o file`, `disco verify-evidence <file>`):
 * JSON, binary values in hex, versioned by `format`. It holds everything a third party needs:
 * the federate's key, its manifest (whose hash is the key, and which names the signers) and the
 * two signed states, with the merkle proof when one is needed.
 */
export const EVIDENCE_FORMAT = 'disco-federation-evidence/1';
const hex = (b) => b4a.toString(b, 'hex');
const stateJson = (s) => ({ length: s.length, fork: s.fork, treeHash: hex(s.treeHash), signature: hex(s.signature) });
const nodeJson = (n) => ({ index: n.index, size: n.size, hash: hex(n.hash) });
export function evidenceToJson(e, name) {
    return {
        format: EVIDENCE_FORMAT,
        kind: verifyEvidence(e),
        federate: hex(e.federate),
        ...(name !== undefined ? { name } : {}),
        manifest: hex(e.manifest),
        witnessed: stateJson(e.witnessed),
        observed: stateJson(e.observed),
        prefix: e.prefix.map(nodeJson),
        extension: e.extension.map(nodeJson)
    };
}
function bad(why) {
    return new DiscoError('INVALID_EVIDENCE', `not valid evidence: ${why}`);
}
function bytes(v, what, length) {
    if (typeof v !== 'string' || !/^([0-9a-f]{2})*$/.test(v))
        throw bad(`${what} must be hex`);
    const b = b4a.from(v, 'hex');
    if (length !== undefined && b.byteLength !== length)
        throw bad(`${what} must be ${length} bytes`);
    return b;
}
function nat(v, what) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        throw bad(`${what} must be a whole number`);
    return v;
}
function obj(v, what) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        throw bad(`${what} must be an object`);
    return v;
}
function state(v, what) {
    const o = obj(v, what);
    return { length: nat(o.length, `${what}.length`), fork: nat(o.fork, `${what}.fork`), treeHash: bytes(o.treeHash, `${what}.treeHash`, 32), signature: bytes(o.signature, `${what}.signature`) };
}
function nodes(v, what) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v))
        throw bad(`${what} must be a list`);
    return v.map((n, i) => {
        const o = obj(n, `${what}[${i}]`);
        return { index: nat(o.index, `${what}[${i}].index`), size: nat(o.size, `${what}[${i}].size`), hash: bytes(o.hash, `${what}[${i}].hash`, 32) };
    });
}
/** Parse an evidence file's JSON (not yet checked: verifyEvidence does that). */
export function evidenceFromJson(v) {
    const o = obj(v, 'the file');
    if (o.format !== EVIDENCE_FORMAT)
        throw bad(`format must be "${EVIDENCE_FORMAT}"`);
    return {
        federate: bytes(o.federate, 'federate', 32),
        manifest: bytes(o.manifest, 'manifest'),
        witnessed: state(o.witnessed, 'witnessed'),
        observed: state(o.observed, 'observed'),
        prefix: nodes(o.prefix, 'prefix'),
        extension: nodes(o.extension, 'extension')
    };
}
//# sourceMappingURL=evidence-file.js.map