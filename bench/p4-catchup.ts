/**
 * P4: a new node catches up a ledger of 100,000 ops: it opens the ledger by key with the
 * encryption key and the ledger's system core key, as after `disco join` (the inviter's node hands
 * both over in its pairing answer: src/invites/desk.ts), and replicates with a node that holds it,
 * over a direct stream (no swarm: the network's setup is P3's), until its view is as long as the
 * source's and has the same digest. Against raw replication of the same cores (the writer's core,
 * the system core, the view) into an empty corestore, every block downloaded.
 *
 * The first row is the same work on both sides: the new node until it holds the whole view and
 * system core (DiscoNode.holdsWholeState), against raw replication of every block of the same cores.
 * With the system core key the new node fast-forwards (autobase moves it to the indexers' signed
 * state and points it at the signed view) instead of applying every op, so it can answer queries
 * long before that, fetching from its peer what it reads, while it downloads the rest of the view in
 * the background (DiscoNode.fillIn): the time until its digest answers is the second row, labelled
 * for what it is (a fast-forward of a few blocks, not a download of the ledger).
 * The third row is a new node without the key (a joiner answered by a node that did not make the
 * invite): it downloads the writers' blocks and applies them, until autobase finds the system key
 * alone in an indexer's checkpoint, which it reads only once it has applied the blocks that name the
 * indexers; it then fast-forwards from there (`fastForwardedAlone` in the detail), if any is left.
 */
import path from 'node:path'
import Corestore from 'corestore'
import b4a from 'b4a'
import type { Duplex } from 'node:stream'
import { DiscoNode } from '../src/node/node.js'
import type { FastForwardJump } from '../src/node/node.js'
import { getDigest } from '../src/consensus/queries.js'
import { writeConfig } from '../src/node/storage.js'
import { deviceKey } from '../src/invites/join.js'
import { buildLedger, removeDir, sharedLedger, tempDir } from './fixtures.js'
import { interleave, median, msSince, timed } from './harness.js'
import type { Scenario } from './harness.js'

function pipe (a: Duplex, b: Duplex): void {
  a.on('error', () => {})
  b.on('error', () => {})
  a.pipe(b).pipe(a)
}

async function digest (node: DiscoNode): Promise<string | null> {
  const snap = node.snapshot()
  try { return await getDigest(snap) } finally { await snap.close() }
}

/** resolves once `check` holds, re-checked on each update of the node (and every 200 ms) */
async function until (node: DiscoNode, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error('the new node did not catch up in time')
    await new Promise<void>(resolve => {
      const done = (): void => { clearTimeout(t); node.off('update', done); resolve() }
      const t = setTimeout(done, 200)
      node.on('update', done)
    })
  }
}

/** what one catch-up saw: the fast-forwards it made, and how long until it held the whole view */
interface CatchUpNotes {
  jumps: FastForwardJump[]
  wholeViewMs: number[]
}

/** A new node catches up, with the system core key as `disco join` hands it over, or without it. */
async function discoCatchUp (source: DiscoNode, dir: string, withKey: boolean, notes: CatchUpNotes): Promise<number> {
  const storage = path.join(dir, 'new')
  // the folder as a joining machine has it: its store made, with this device's key, before the
  // config names the ledger (DiscoNode.open refuses a ledger's folder without its store)
  await deviceKey(storage)
  await writeConfig(storage, { format: 1, ledger: b4a.toString(source.key, 'hex') })
  const want = { length: source.view.core.length, digest: await digest(source) }
  const start = process.hrtime.bigint()
  const node = await DiscoNode.open({
    storage,
    encryptionKey: source.encryptionKeyForPairing(),
    ...(withKey ? { fastForwardTo: source.base.core.key } : {})
  })
  try {
    pipe(source.base.replicate(true), node.base.replicate(false))
    await until(node, async () => node.view.core.length === want.length && await digest(node) === want.digest, 600_000)
    const ms = msSince(start)
    notes.jumps.push(...node.fastForwards)
    // the first row would not measure what it says if the node had not used the key
    if (withKey && node.fastForwards[0]?.from !== 0) throw new Error('P4: the new node did not fast-forward with the key')
    // a fast-forwarded node goes on downloading the rest of the view in the background
    await until(node, async () => node.holdsWholeState, 600_000)
    notes.wholeViewMs.push(Math.round(msSince(start)))
    return ms
  } finally {
    await node.close()
  }
}

async function rawCatchUp (source: DiscoNode, dir: string): Promise<number> {
  const cores = [source.base.local, source.base.core, source.view.core].map(c => ({ key: c.key, length: c.length }))
  const store = new Corestore(path.join(dir, 'raw'))
  const { ms } = await timed(async () => {
    pipe(source.base.replicate(true), store.replicate(false))
    await Promise.all(cores.map(async c => {
      const core = store.get({ key: c.key })
      await core.ready()
      await core.download({ start: 0, end: c.length }).done()
    }))
  })
  await store.close()
  return ms
}

export const scenario: Scenario = {
  id: 'P4',
  title: 'a new node catches up a ledger',
  baseline: 'raw replication of the same cores into an empty corestore',
  async run (opts) {
    const ops = opts.quick ? 5_000 : 100_000
    // at full size one catch-up downloads half a million blocks (a minute or more here): once each
    const reps = opts.quick ? 3 : 1
    // Autobase fast-forwards only to a system core at least 16 blocks ahead, and each append is one
    // system block: the quick ledger is written 100 ops at a time (50 appends, as a ledger written
    // over days has many more), the full one is the shared ledger (100 appends of 1,000).
    let quickDir: string | null = null
    let storage: string
    if (opts.quick) {
      quickDir = await tempDir('p4-ledger')
      storage = path.join(quickDir, 'ana')
      await buildLedger(storage, ops, 100)
    } else {
      storage = (await sharedLedger(ops)).storage
    }
    const source = await DiscoNode.open({ storage })
    try {
      const once = async (fn: (source: DiscoNode, dir: string) => Promise<number>, name: string, i: number): Promise<number> => {
        const dir = await tempDir('p4')
        try {
          const ms = await fn(source, dir)
          opts.say(`  P4 ${name} ${i + 1}/${reps}: ${Math.round(ms)} ms`)
          return ops / (ms / 1000)
        } finally { await removeDir(dir) }
      }
      const withKey: CatchUpNotes = { jumps: [], wholeViewMs: [] }
      const alone: CatchUpNotes = { jumps: [], wholeViewMs: [] }
      const { disco, applied, raw } = await interleave(reps, {
        disco: async i => await once(async (s, d) => await discoCatchUp(s, d, true, withKey), 'disco, until its digest answers', i),
        applied: async i => await once(async (s, d) => await discoCatchUp(s, d, false, alone), 'disco without the system key', i),
        raw: async i => await once(rawCatchUp, 'raw', i)
      })
      const whole = median(withKey.wholeViewMs)
      opts.say(`  P4 disco, until it holds the whole view: ${whole} ms`)
      return [{
        metric: `catch up ${ops.toLocaleString('en')} ops, until the whole view is held`,
        unit: 'ops/s',
        disco: ops / (whole / 1000),
        baseline: raw.median,
        target: { atLeast: 20_000 },
        detail: {
          ops,
          // from opening until the whole view and system core are held, the download included
          wholeViewMs: withKey.wholeViewMs,
          rawRuns: raw.runs,
          // what there is to download: the view's blocks (one a key written) dwarf the writer's
          blocks: { view: source.view.core.length, system: source.base.core.length, writer: source.base.local.length },
          rawBlocksPerSecond: Math.round(raw.median * (source.view.core.length + source.base.core.length + source.base.local.length) / ops)
        }
      }, {
        // not the same work as the raw side: a fast-forward of a few blocks, then reads on demand
        metric: '… until its digest answers (fast-forwarded; the rest downloads after)',
        unit: 'ops/s',
        disco: disco.median,
        baseline: raw.median,
        target: { none: true },
        detail: { runs: disco.runs }
      }, {
        // not the target: a joiner answered without the key
        metric: '… without the system core key',
        unit: 'ops/s',
        disco: applied.median,
        baseline: raw.median,
        target: { none: true },
        // autobase finds the key alone only from an indexer's checkpoint, once it has applied the
        // blocks that name the indexers: a race with the download that it sometimes wins
        detail: { runs: applied.runs, fastForwardedAlone: alone.jumps, wholeViewMs: alone.wholeViewMs }
      }]
    } finally {
      await source.close()
      if (quickDir !== null) await removeDir(quickDir)
    }
  }
}
