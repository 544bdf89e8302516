/**
 * `npm run fixtures:protocol`: regenerate every golden protocol fixture in test/fixtures/protocol/
 * from the code as it is now. Run it only for a change that is meant to change the protocol (and
 * then bump the version and add an upgrade step: UPGRADE.md), or to re-pin reworded rejection
 * messages (rejection-words.json: words are not protocol). test/protocol-golden.test.ts compares
 * the code with these files byte for byte.
 *
 *   ops.json              the encoded bytes of every example op (op-examples.ts), alone in a frame
 *   frames.json           whole frames, header varints at their edges
 *   ledger.json           the golden ledger's blocks (golden-ledger.ts) and its view's digest
 *   view-keys.json        every key of that view with the hash of its value
 *   rejection-words.json  how its rejections read in this release's words
 */
import b4a from 'b4a';
import { encodeFrame } from '../../src/ledger/codec.js';
import { PROTOCOL_VERSION } from '../../src/ledger/ops.js';
import { renderRejection } from '../../src/consensus/apply.js';
import { frameExamples, opExamples } from './op-examples.js';
import { GOLDEN_SEED, goldenLedger } from './golden-ledger.js';
import { replayGolden } from './golden-view.js';
import { FIXTURE_DIR, toPlain, writeFixture } from './fixture-files.js';
const hex = (b) => b4a.toString(b, 'hex');
/** An op's fixture: the frame it sits alone in (version, time 0, count 1, then the op). */
export const OP_FRAME_TIME = 0;
async function main() {
    const ops = opExamples().map(({ name, op }) => ({ name, op: toPlain(op), frameHex: hex(encodeFrame({ version: PROTOCOL_VERSION, time: OP_FRAME_TIME, ops: [op] })) }));
    const frames = frameExamples().map(({ name, frame }) => ({ name, frame: toPlain(frame), hex: hex(encodeFrame(frame)) }));
    const blocks = goldenLedger();
    const { view, replay } = await replayGolden(blocks);
    const ledger = {
        protocolVersion: PROTOCOL_VERSION,
        seed: GOLDEN_SEED,
        blocks,
        view: { digest: view.digest, keys: view.keys, contentHash: view.contentHash }
    };
    const words = replay.store.sorted().filter(([key]) => key.startsWith('rej/'))
        .map(([, value]) => renderRejection(JSON.parse(b4a.toString(value))))
        .map(r => [r.id, r.code, r.message]);
    await writeFixture('ops.json', ops);
    await writeFixture('frames.json', frames);
    await writeFixture('ledger.json', ledger);
    await writeFixture('view-keys.json', view.keyHashes);
    await writeFixture('rejection-words.json', words);
    console.log(`wrote ${FIXTURE_DIR}: ${ops.length} ops, ${frames.length} frames, a ledger of ${blocks.length} blocks ` +
        `(${replay.ops} ops) whose view holds ${view.keys} keys, digest ${view.digest}, ${words.length} rejections`);
}
await main();
//# sourceMappingURL=fixtures.js.map