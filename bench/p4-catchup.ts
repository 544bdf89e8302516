/**
 * P4: a new node catches up a ledger of 100,000 ops: it opens the ledger by key with the
 * encryption key (as after `disco join`) and replicates with a node that holds it, over a direct
 * stream (no swarm: the network's setup is P3's), until its view is as long as the source's and
 * has the same digest. Against raw replication of the same cores (the writer's core, the system
 * core, the view) into an empty corestore, every block downloaded.
 */
import path from 'node:path'
import Corestore from 'corestore'
import b4a from 'b4a'
import type { Duplex } from 'node:stream'
import { DiscoNode } from '../src/node.js'
import { getDigest } from '../src/consensus/queries.js'
import { prepareStorage, writeConfig } from '../src/storage.js'
import { removeDir, sharedLedger, tempDir } from './fixtures.js'
import { repeat, timed } from './harness.js'
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

async function discoCatchUp (source: DiscoNode, dir: string): Promise<number> {
  const storage = path.join(dir, 'new')
  await prepareStorage(storage)
  await writeConfig(storage, { format: 1, ledger: b4a.toString(source.key, 'hex') })
  const want = { length: source.view.core.length, digest: await digest(source) }
  const { ms } = await timed(async () => {
    const node = await DiscoNode.open({ storage, encryptionKey: source.encryptionKeyForPairing() })
    try {
      pipe(source.base.replicate(true), node.base.replicate(false))
      await until(node, async () => node.view.core.length === want.length && await digest(node) === want.digest, 600_000)
    } finally {
      await node.close()
    }
  })
  return ms
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
    const ledger = await sharedLedger(ops)
    const source = await DiscoNode.open({ storage: ledger.storage })
    try {
      const once = async (fn: (source: DiscoNode, dir: string) => Promise<number>, name: string, i: number): Promise<number> => {
        const dir = await tempDir('p4')
        try {
          const ms = await fn(source, dir)
          opts.say(`  P4 ${name} ${i + 1}/${reps}: ${Math.round(ms)} ms`)
          return ops / (ms / 1000)
        } finally { await removeDir(dir) }
      }
      const disco = await repeat(reps, async i => await once(discoCatchUp, 'disco', i))
      const raw = await repeat(reps, async i => await once(rawCatchUp, 'raw', i))
      return [{
        metric: `catch up ${ops.toLocaleString('en')} ops`,
        unit: 'ops/s',
        disco: disco.median,
        baseline: raw.median,
        target: { atLeast: 20_000 },
        detail: {
          ops,
          discoRuns: disco.runs,
          rawRuns: raw.runs,
          // what there is to download: the view's blocks (one a key written) dwarf the writer's
          blocks: { view: source.view.core.length, system: source.base.core.length, writer: source.base.local.length },
          rawBlocksPerSecond: Math.round(raw.median * (source.view.core.length + source.base.core.length + source.base.local.length) / ops)
        }
      }]
    } finally {
      await source.close()
    }
  }
}
