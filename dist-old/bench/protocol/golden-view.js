/**
 * What applying the golden ledger gives: the view every honest node must hold after its blocks,
 * summarised so that a fixture can pin it. Applied through `Replay`, the from-scratch apply that
 * `disco verify` runs (the same `applyBlocks` as the node's apply).
 */
import sodium from 'sodium-native';
import b4a from 'b4a';
import { Replay } from '../../src/consensus/replay.js';
import { DIGEST_KEY } from '../../src/consensus/view-layout.js';
import { linearBlocks } from './golden-ledger.js';
export async function replayGolden(blocks) {
    const replay = new Replay();
    await replay.addAll(linearBlocks(blocks));
    const sorted = replay.store.sorted();
    const digest = replay.store.map.get(DIGEST_KEY);
    const all = b4a.alloc(32);
    const parts = [];
    const keyHashes = [];
    for (const [key, value] of sorted) {
        const k = b4a.from(key);
        parts.push(lengthOf(k), k, lengthOf(value), value);
        keyHashes.push([key, hash([value])]);
    }
    sodium.crypto_generichash_batch(all, parts);
    return {
        view: {
            digest: digest === undefined ? '' : b4a.toString(digest),
            keys: sorted.length,
            contentHash: b4a.toString(all, 'hex'),
            keyHashes
        },
        replay
    };
}
function lengthOf(b) {
    const out = b4a.alloc(4);
    new DataView(out.buffer, out.byteOffset).setUint32(0, b.byteLength);
    return out;
}
function hash(parts) {
    const out = b4a.alloc(32);
    sodium.crypto_generichash_batch(out, parts);
    return b4a.toString(out, 'hex');
}
//# sourceMappingURL=golden-view.js.map