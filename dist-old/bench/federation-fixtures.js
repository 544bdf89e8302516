/**
 * Signed tree states of a few made-up federate cores, for the fuzz arbitraries and the federation
 * unit tests: a check-in or a dispute is valid only with real signatures (consensus/federate-signatures.ts
 * checks them), so these are signed once, at load, with fixed seeds.
 */
import b4a from 'b4a';
import crypto from 'hypercore-crypto';
import { decodeManifest, encodeManifest, manifestKey, signTreeState, singleSignerManifest } from '../src/stack/signatures.js';
export function fakeFederate(seedByte) {
    const keyPair = crypto.keyPair(b4a.alloc(32, seedByte));
    const manifest = singleSignerManifest(keyPair.publicKey);
    return { key: manifestKey(manifest), manifest: encodeManifest(manifest), keyPair };
}
/** The federate's signature over a tree hash at a length and fork, as hypercore makes it. */
export function signState(f, treeHash, length, fork) {
    const manifest = decodeManifest(f.manifest);
    if (manifest === null)
        throw new Error('a fake federate with no manifest');
    const signature = signTreeState(manifest, f.keyPair, { length, fork, treeHash });
    return { length, fork, treeHash, signature };
}
export function checkinOf(f, s) {
    return { type: 'checkin', federate: f.key, manifest: f.manifest, ...s };
}
const hash = (n) => b4a.alloc(32, n);
export const FAKE_FEDERATES = [fakeFederate(1), fakeFederate(2), fakeFederate(3)];
/** Valid check-ins, at varint edges of length and fork. */
export const SIGNED_CHECKINS = FAKE_FEDERATES.flatMap((f, i) => [[1, 0], [5, 0], [252, 1], [253, 2], [65536, 0], [2 ** 40, 7]].map(([length, fork]) => checkinOf(f, signState(f, hash(i * 16 + length % 13), length, fork))));
/** Valid evidence: two histories at one length, and a signed truncation below a witnessed length. */
export const SIGNED_DISPUTES = FAKE_FEDERATES.flatMap(f => [
    { type: 'dispute', federate: f.key, manifest: f.manifest, witnessed: signState(f, hash(1), 5, 0), observed: signState(f, hash(2), 5, 0), prefix: [], extension: [] },
    { type: 'dispute', federate: f.key, manifest: f.manifest, witnessed: signState(f, hash(3), 10, 0), observed: signState(f, hash(4), 4, 1), prefix: [], extension: [] }
]);
//# sourceMappingURL=federation-fixtures.js.map