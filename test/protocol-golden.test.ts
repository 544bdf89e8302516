import t from 'tap'
import b4a from 'b4a'
import { decodeFrame, encodeFrame } from '../src/ledger/codec.js'
import { PROTOCOL_VERSION } from '../src/ledger/ops.js'
import type { Frame, Op } from '../src/ledger/ops.js'
import { frameExamples, opExamples } from '../bench/protocol/op-examples.js'
import { replayGolden } from '../bench/protocol/golden-view.js'
import { fromPlain, readFixture, toPlain } from '../bench/protocol/fixture-files.js'
import type { FrameFixture, LedgerFixture, OpFixture } from '../bench/protocol/fixtures.js'

/**
 * The golden protocol fixtures (PROTOCOL.md, "Golden fixtures"), made by `npm run
 * fixtures:protocol`: the exact bytes of every op and some frames, and the view a fixed ledger
 * applies to. Bytes are compared with bytes, both ways — the fixture's value must encode to the
 * fixture's bytes, and the bytes decode to the value — so that a change made to the encoder and
 * the decoder at once, which a round trip would never see, fails here.
 */
const PROTOCOL_CHANGE = 'this changes the protocol: bump the version and add an upgrade step (UPGRADE.md)'

const hex = (b: Uint8Array): string => b4a.toString(b, 'hex')

/** encode, or the error's code: a fixture that no longer encodes is a protocol change too */
function tryEncode (frame: Frame): string {
  try { return hex(encodeFrame(frame)) } catch (err) { return `cannot encode: ${(err as Error).message}` }
}

function tryDecode (bytes: string): unknown {
  try { return toPlain(decodeFrame(b4a.from(bytes, 'hex'))) } catch (err) { return `cannot decode: ${(err as Error).message}` }
}

t.test('every op encodes to the pinned bytes, and the pinned bytes decode to it', async t => {
  const fixtures = await readFixture<OpFixture[]>('ops.json')
  t.same(opExamples().map(e => e.name), fixtures.map(f => f.name), `the examples are the pinned ones (a new example: npm run fixtures:protocol): ${PROTOCOL_CHANGE}`)
  for (const f of fixtures) {
    const op = fromPlain<Op>(f.op)
    const frame: Frame = { version: PROTOCOL_VERSION, time: 0, ops: [op] }
    t.equal(tryEncode(frame), f.frameHex, `${f.name} encodes to its pinned bytes: ${PROTOCOL_CHANGE}`)
    t.same(tryDecode(f.frameHex), toPlain(frame), `${f.name}: its pinned bytes decode to it: ${PROTOCOL_CHANGE}`)
  }
  // the examples in the code are the values in the fixture (toPlain drops a field left out)
  const examples = new Map(opExamples().map(e => [e.name, toPlain(e.op)]))
  for (const f of fixtures) t.same(f.op, examples.get(f.name), `${f.name} is the example it was made from`)
})

t.test('frames encode to the pinned bytes, and decode back', async t => {
  const fixtures = await readFixture<FrameFixture[]>('frames.json')
  t.same(frameExamples().map(e => e.name), fixtures.map(f => f.name), `the frame examples are the pinned ones: ${PROTOCOL_CHANGE}`)
  for (const f of fixtures) {
    const frame = fromPlain<Frame>(f.frame)
    t.equal(tryEncode(frame), f.hex, `${f.name} encodes to its pinned bytes: ${PROTOCOL_CHANGE}`)
    t.same(tryDecode(f.hex), f.frame, `${f.name}: its pinned bytes decode to it: ${PROTOCOL_CHANGE}`)
  }
})

t.test('the golden ledger applies to the pinned view: every key, every value, the digest', async t => {
  const ledger = await readFixture<LedgerFixture>('ledger.json')
  const pinnedKeys = await readFixture<Array<[string, string]>>('view-keys.json')
  t.equal(ledger.protocolVersion, PROTOCOL_VERSION, `the fixtures were made for protocol version ${ledger.protocolVersion}: ${PROTOCOL_CHANGE}`)
  const { view } = await replayGolden(ledger.blocks)

  // the first key that differs, named, before the totals
  const pinned = new Map(pinnedKeys)
  const now = new Map(view.keyHashes)
  const firstMissing = pinnedKeys.find(([key]) => !now.has(key))
  const firstNew = view.keyHashes.find(([key]) => !pinned.has(key))
  const firstChanged = view.keyHashes.find(([key, h]) => pinned.has(key) && pinned.get(key) !== h)
  t.equal(firstMissing?.[0], undefined, `no pinned key is missing from the view: ${PROTOCOL_CHANGE}`)
  t.equal(firstNew?.[0], undefined, `the view holds no key that is not pinned: ${PROTOCOL_CHANGE}`)
  t.equal(firstChanged?.[0], undefined, `every key holds its pinned value: ${PROTOCOL_CHANGE}`)
  t.equal(view.keys, ledger.view.keys, `the view holds ${ledger.view.keys} keys: ${PROTOCOL_CHANGE}`)
  t.equal(view.contentHash, ledger.view.contentHash, `the hash of every key and value: ${PROTOCOL_CHANGE}`)
  t.equal(view.digest, ledger.view.digest, `the digest: ${PROTOCOL_CHANGE}`)
})
