import t from 'tap'
import type { Test } from 'tap'
import b4a from 'b4a'
import sodium from 'sodium-native'
import Autobase from 'autobase'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { DiscoNode } from '../src/node/node.js'
import { corestorePath, readConfig } from '../src/node/storage.js'
import { apply } from '../src/consensus/apply.js'
import { DigestSum } from '../src/consensus/digest.js'
import { verify } from '../src/commands/verify.js'
import { log } from '../src/commands/log.js'
import { amend } from '../src/commands/amend.js'
import { retract } from '../src/commands/retract.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { CausalOrder } from '../src/verify/causal-order.js'
import type { WriterBlock } from '../src/verify/writer-core.js'
import { compareViews } from '../src/verify/view-diff.js'
import { orderProblem } from '../src/verify/verify-ledger.js'
import type { PlacedBlock } from '../src/verify/verify-ledger.js'
import { prng } from '../bench/prng.js'
import { contribution, frame } from './helpers/ops.js'
import { folder } from './helpers/cluster.js'
import { discoCli } from './helpers/processes.js'

const cli = discoCli({ env: process.env })

t.test('the digest as limbs equals the sum of the pairs\' hashes modulo 2^256, as BigInts compute it', async t => {
  const random = prng(7)
  const hash = (key: string, value: Uint8Array): bigint => {
    const k = b4a.from(key)
    const len = new Uint8Array(4)
    new DataView(len.buffer).setUint32(0, k.byteLength)
    const out = b4a.alloc(32)
    sodium.crypto_generichash_batch(out, [len, k, value])
    return BigInt('0x' + b4a.toString(out, 'hex'))
  }
  const MOD = 1n << 256n
  let reference = 0n
  const sum = new DigestSum()
  const pairs: Array<[string, Uint8Array]> = []
  for (let i = 0; i < 2000; i++) {
    if (pairs.length > 0 && random() < 0.4) {
      const [key, value] = pairs.splice(Math.floor(random() * pairs.length), 1)[0] as [string, Uint8Array]
      sum.remove(key, value)
      reference = (reference - hash(key, value) + MOD) % MOD
    } else {
      const pair: [string, Uint8Array] = [`k/${i}`, b4a.from(String(random()))]
      pairs.push(pair)
      sum.add(...pair)
      reference = (reference + hash(...pair)) % MOD
    }
    if (i % 97 === 0) t.equal(sum.hex(), reference.toString(16).padStart(64, '0'), `after ${i + 1} changes`)
  }
  t.equal(DigestSum.fromHex(sum.hex()).hex(), sum.hex(), 'hex round-trips')
  t.equal(new DigestSum().hex(), '0'.repeat(64))
})

t.test('the causal check', async t => {
  const A = 'aa'.repeat(32)
  const B = 'bb'.repeat(32)
  const block = (heads: Array<[string, number]>, value: string | null = 'x'): WriterBlock =>
    ({ heads: heads.map(([writer, length]) => ({ writer, length })), value: value === null ? null : b4a.from(value) })
  // A0; B0 (saw A0); A1 (saw A0); an ack of B (no value, saw A1); A2 (saw B's ack)
  const blocks = new Map([
    [A, [block([]), block([[A, 1]]), block([[A, 2], [B, 2]])]],
    [B, [block([[A, 1]]), block([[A, 2]], null)]]
  ])
  const run = (order: Array<[string, number]>, removed: string[] = []): string | null => {
    const check = new CausalOrder(blocks, new Set(removed))
    for (const [w, s] of order) {
      const problem = check.next(w, s)
      if (problem !== null) return problem
    }
    return null
  }
  t.equal(run([[A, 0], [B, 0], [A, 1], [A, 2]]), null, 'a causal order passes; an ack it depends on counts as linearised')
  t.equal(run([[A, 0], [A, 1], [B, 0], [A, 2]]), null, 'so does another causal order')
  t.match(run([[B, 0], [A, 0]]), /aaaaaaaa\/0, which it depends on/, 'a block before one it depends on')
  t.match(run([[A, 0], [A, 2]]), /before block aaaaaaaa\/1 of the same writer/, 'a writer\'s blocks out of their order')
  t.match(run([[A, 0], [A, 1], [A, 2]]), /bbbbbbbb\/0, which it depends on/, 'a dependency never applied')
  t.equal(run([[A, 0], [A, 1], [A, 2]], [B]), null, 'unless its writer was removed (autobase skips its blocks)')
  t.match(run([[A, 0], [A, 0]]), /twice/, 'a block applied twice')
  t.match(run([[A, 0], [B, 1]]), /no value/, 'an ack in the order')
  t.match(run([[A, 3]]), /not in its writer's core/, 'a block its writer never wrote')
})

t.test('the order\'s places (view layout 5: each block record\'s n) must be 0, 1, 2, … with none missing or twice', async t => {
  const A = 'aa'.repeat(32)
  const B = 'bb'.repeat(32)
  const placed = (...ns: Array<[string, number, number]>): PlacedBlock[] => ns.map(([writer, seq, n]) => ({ writer, seq, n }))
  t.equal(orderProblem(placed([A, 0, 0], [B, 0, 1], [A, 1, 2])), null, 'every place once')
  t.match(orderProblem(placed([A, 0, 0], [A, 1, 2])), /aaaaaaaa\/1 at position 2, where position 1 was due/, 'a place missing')
  t.match(orderProblem(placed([A, 0, 0], [B, 0, 0])), /bbbbbbbb\/0 at position 0, where position 1 was due/, 'a place twice')
  t.match(orderProblem(placed([A, 0, 1])), /position 0 was due/, 'an order that does not start at 0')
})

t.test('comparing two views names the first difference', async t => {
  const v = (pairs: Array<[string, string]>): Array<[string, Uint8Array]> => pairs.map(([k, x]) => [k, b4a.from(x)])
  async function * stream (pairs: Array<[string, Uint8Array]>): AsyncGenerator<{ key: string, value: Uint8Array }> {
    for (const [key, value] of pairs) yield { key, value }
  }
  const base = v([['bal/a', '1'], ['entry/x', '{}'], ['rej/y', '2']])
  const same = await compareViews(stream(base), base)
  t.equal(same.difference, null)
  t.equal(same.keys, 3)
  t.same([same.counted.balances, same.counted.entries, same.counted.rejections], [1, 1, 1])
  t.same((await compareViews(stream(base), v([['bal/a', '2'], ['entry/x', '{}'], ['rej/y', '2']]))).difference, { key: 'bal/a', view: '1', replay: '2' })
  t.same((await compareViews(stream(base), v([['bal/a', '1'], ['rej/y', '2']]))).difference, { key: 'entry/x', view: '{}', replay: null })
  t.same((await compareViews(stream(v([['bal/a', '1']])), base)).difference, { key: 'entry/x', view: null, replay: '{}' })
})

async function founded (t: Test): Promise<DiscoNode> {
  const node = await DiscoNode.create({ storage: folder(t, 'ana'), coopName: 'Coop', memberName: 'Ana' })
  t.teardown(() => node.close())
  return node
}

t.test('verify passes on a ledger of entries, changes, rejections and a decision, and reports what it checked', async t => {
  const node = await founded(t)
  const { entry } = await log(node, { stream: 'love', duration: '2h', description: 'translated the zine' })
  await log(node, { stream: 'livelihood', duration: '90m', description: 'client work', amount: '120.50', currency: 'EUR' })
  const { entry: care } = await log(node, { stream: 'care', duration: '1h', description: 'onboarding' })
  await amend(node, { id: entry.id, duration: '3h' })
  await retract(node, { id: care.id, reason: 'logged twice' })
  const { proposal } = await propose(node, { kind: 'motion', text: 'buy a Pi for the office' })
  await vote(node, { id: proposal.id, choice: 'yes' })
  await node.append(Array.from({ length: 300 }, (_, i) => contribution({ minutes: 1 + i, description: `batch ${i}` })))
  // last: these raw blocks claim a later clock than the node's own frames would
  await node.base.append(frame([contribution({ minutes: 99_999 })], { time: Date.now() + 60_000 }))
  await node.base.append(b4a.from([1, 2, 3]))

  const report = await verify(node)
  t.equal(report.problem, null)
  t.ok(report.ok)
  t.equal(report.difference, null)
  t.equal(report.digest.view, report.digest.replay, 'the replay\'s digest is the view\'s')
  t.equal(report.writers.length, 1)
  t.equal(report.writers[0]?.length, node.base.local.length, 'the writer\'s whole core')
  t.ok((report.writers[0]?.blocksAudited ?? 0) >= report.blocks, 'every block re-hashed')
  t.equal(report.ops, 1 + 3 + 2 + 1 + 1 + 1 + 300, 'the ops of the well-formed blocks (the undecodable one carries none)')
  t.equal(report.counted.entries, 303)
  t.equal(report.counted.rejections, 2)
  t.equal(report.counted.proposals, 1)
  t.ok((report.counted.balances ?? 0) > 0)
  t.equal(report.signedLength, node.base.signedLength)
  t.ok(report.replay.opsPerSecond > 0)
})

/**
 * A store whose view was tampered with: the ledger is opened with an apply that, besides the
 * real work, writes a forged balance (as a buggy or doctored node would). Nothing in the signed
 * feeds supports it, so verify must fail and name that key.
 */
async function tamper (storage: string, key: string, value: string): Promise<void> {
  const config = await readConfig(storage)
  const store = new Corestore(corestorePath(storage))
  const base = new Autobase<Hyperbee>(store, b4a.from(config.ledger, 'hex'), {
    valueEncoding: 'binary',
    encrypt: true,
    open: s => new Hyperbee(s.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
    apply: async (nodes, view, host) => {
      await apply(nodes, view, host)
      await view.put(key, b4a.from(value))
    },
    close: async view => { await view.close() }
  })
  await base.ready()
  await base.append(frame([contribution({ description: 'the block the forged apply runs on' })], { time: Date.now() + 60_000 }))
  await base.update()
  await base.close()
  await store.close()
}

t.test('verify fails on a store whose view was tampered with, naming the key, and the CLI exits 1', async t => {
  const storage = folder(t, 'ana')
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  await log(node, { stream: 'love', duration: '2h', description: 'translated the zine' })
  const member = b4a.toString(node.localKey, 'hex')
  t.ok((await verify(node)).ok, 'it passes before')
  await node.close()

  const forged = `bal/${member}/all/love`
  await tamper(storage, forged, '{"entries":1,"minutes":600000}')

  const reopened = await DiscoNode.open({ storage })
  const report = await verify(reopened)
  await reopened.close()
  t.notOk(report.ok)
  t.match(report.problem, `key ${forged} differs`)
  t.match(report.difference, { key: forged, view: '{"entries":1,"minutes":600000}' })
  t.match(report.difference?.replay, /"minutes":/, 'and what the signed feeds give there')

  const run = await cli.run(storage, ['verify'])
  t.equal(run.exit, 1, 'disco verify exits 1')
  t.match(run.stdout, `FAILED: the view differs from a replay of the signed feeds: key ${forged} differs`)
  t.match(run.stdout, 'the view holds:   {"entries":1,"minutes":600000}')
  const json = await cli.run(storage, ['verify', '--json'])
  t.equal(json.exit, 1)
  t.match(JSON.parse(json.stdout), { ok: false, difference: { key: forged } })
})

t.test('disco verify from the shell: exit 0 and what it checked', async t => {
  const storage = folder(t, 'ana')
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  await log(node, { stream: 'care', duration: '45m', description: 'mentoring' })
  await node.close()
  const run = await cli.run(storage, ['verify'])
  t.equal(run.exit, 0, run.stderr)
  t.match(run.stdout, /signed length \d+ of \d+; 1 writer log checked/)
  t.match(run.stdout, /replayed 2 ops in 2 blocks/)
  t.match(run.stdout, 'OK: the ledger is what its signed feeds say')
  t.match(run.stderr, 'replaying the ledger from its first block', 'progress goes to stderr')
})

t.test('verify on a node that keeps appending: its own log audits clean every time', async t => {
  const node = await founded(t)
  await node.append(Array.from({ length: 50 }, (_, i) => contribution({ minutes: i + 1 })))
  let appending = true
  const writes = (async () => {
    for (let i = 0; appending; i++) await node.append([contribution({ minutes: 1 + (i % 59) })])
  })()
  const problems: string[] = []
  try {
    for (let round = 0; round < 20; round++) {
      const report = await verify(node)
      if (!report.ok) problems.push(String(report.problem))
    }
  } finally {
    appending = false
    await writes
  }
  t.same(problems, [], 'no audit took a concurrent append for damage')
})
