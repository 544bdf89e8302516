import t from 'tap'
import fs from 'node:fs'
import path from 'node:path'
import b4a from 'b4a'
import { DiscoNode } from '../src/node/node.js'
import { log } from '../src/commands/log.js'
import { entries } from '../src/commands/entries.js'
import { repair } from '../src/service/repair.js'
import { readDeviceKeys } from '../src/node/device-keys.js'
import { salvageDeviceKeys } from '../src/node/store-replace.js'
import { folder, founder, joiner, testnet } from './helpers/cluster.js'
import { until } from './helpers/mirrors.js'

/**
 * A store the storage engine refuses (issue 25, "repair from the cooperative"): `disco repair`
 * moves it aside and rebuilds it from peers with the device's own keys, so the device keeps its
 * identity and its acknowledged blocks, verify passes, and what it logs next forks nothing.
 */

/** Flips `count` bytes from each offset `at` gives in the largest table file of a store's database; returns its name. */
function flipLargestTable (storage: string, at: (size: number) => number[], count = 4): string {
  const db = path.join(storage, 'corestore', 'db')
  const tables = fs.readdirSync(db).filter(f => f.endsWith('.sst')).map(f => ({ f, size: fs.statSync(path.join(db, f)).size }))
  tables.sort((a, b) => b.size - a.size)
  const largest = tables[0]
  if (largest === undefined) throw new Error(`no .sst file in ${db}`)
  const file = path.join(db, largest.f)
  const bytes = fs.readFileSync(file)
  for (const from of at(bytes.length)) {
    for (let i = from; i < from + count; i++) bytes[i] = (bytes[i] as number) ^ 0xff
  }
  fs.writeFileSync(file, bytes)
  return largest.f
}

async function entryIds (node: DiscoNode): Promise<string[]> {
  return (await entries(node, { limit: 100_000 })).entries.map(e => e.id).sort()
}

t.test('a damaged table: disco repair rebuilds the store from a peer as the same device; verify passes; the next entry forks nothing', async t => {
  const network = await testnet(t)
  let ana = await founder(t, network)
  const bo = await joiner(t, network, ana, 'Bo')
  for (let i = 0; i < 4; i++) await log(ana, { stream: 'love', duration: '1h', description: `before the damage ${i}` })
  const device = b4a.toString(ana.localKey, 'hex')
  const length = ana.base.local.length
  await ana.heldByPeer(length - 1, 20_000) // Bo holds every block of Ana's log
  const ids = await entryIds(ana)
  const storage = ana.storage
  await ana.close()

  // bytes flipped in the first block of the largest table: the one holding corestore's head
  // record, its primary key (the seed of this device's key pair) among it
  const table = flipLargestTable(storage, () => [16])
  await t.rejects(DiscoNode.open({ storage }), { code: 'STORE_CORRUPT', message: new RegExp(`${table}.*disco repair`) }, 'the store is refused, naming the file and disco repair')
  t.equal(await salvageDeviceKeys(path.join(storage, 'corestore'), ana.key), null, 'the damaged database cannot give the keys back: only the copy beside it can')

  const lines: string[] = []
  const report = await repair({ storage, network, timeoutMs: 30_000, say: l => lines.push(l) })
  t.ok(report.rebuilt !== null, 'the store was rebuilt', { lines })
  const damaged = report.rebuilt?.damaged ?? ''
  t.ok(fs.existsSync(path.join(damaged, 'db', table)), `the damaged store is kept aside (${path.basename(damaged)}), never deleted`)
  t.same(report.recovered, { from: 0, to: length }, "every block of this device's log came back from the peer")
  t.same(report.ownLog, { length: report.ownLog.length, acked: report.ownLog.length }, 'the log is whole')
  t.ok(report.ownLog.length >= length, `at the acknowledged length or past it (${report.ownLog.length}, ${length} acknowledged)`)
  t.ok(report.verify.ok, 'and disco verify passes', { problem: report.verify.problem })
  t.match(lines[0], /cannot be read .*moving it aside .*rebuilding it from peers as this device/, 'progress: what it does first', { lines })
  t.ok(lines.some(l => /getting them back from peers/.test(l)), 'then the log coming back')

  ana = await DiscoNode.open({ storage, network, ackInterval: 100 })
  t.teardown(() => ana.close())
  t.equal(b4a.toString(ana.localKey, 'hex'), device, 'the same device: its key pair kept')
  t.strictSame(await entryIds(ana), ids, 'every acknowledged entry is back')
  const next = (await log(ana, { stream: 'care', duration: '30m', description: 'after the repair' })).entry.id
  // the peer applies it (waiting for every view signed meets in-process replication stalls)
  await until('Bo holding the entry logged after the repair', [bo], async () => (await entryIds(bo)).includes(next))
  t.equal(ana.failed, null, 'no fork on the device')
  t.equal(bo.failed, null, 'nor at the peer')
  t.equal((await entryIds(bo)).length, ids.length + 1, 'the peer counts every entry once, and the new one')
})

t.test('damage met after the store opened is named too; a folder with no copy of the keys reads them from the damaged database where the damage left them', async t => {
  const storage = folder(t, 'old')
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  for (let i = 0; i < 30; i++) await log(node, { stream: 'love', duration: '1h', description: `entry ${i} `.padEnd(300, 'x') })
  const kept = await readDeviceKeys(storage)
  await node.close()
  if (kept === null) throw new Error('no device-keys.json after an open')
  t.equal(b4a.toString(kept.device, 'hex'), b4a.toString(node.localKey, 'hex'), 'every open keeps a copy of the keys, naming its device')
  flipLargestTable(storage, size => [Math.floor(size / 2)]) // a block of entries, not the head record
  const salvaged = await salvageDeviceKeys(path.join(storage, 'corestore'), kept.ledger)
  t.strictSame(salvaged, kept, 'the keys read from the damaged database are the kept ones')

  // then bytes flipped across the blocks of entries and tree nodes, not the first (the head record)
  flipLargestTable(storage, size => Array.from({ length: Math.floor((size - 11_000) / 4001) }, (_, i) => 9000 + i * 4001), 1)
  // main threw the engine's bare "block checksum mismatch" here: a block of the own log is first
  // read before autobase opens, where no error was named
  await t.rejects(DiscoNode.open({ storage }), { code: 'STORE_CORRUPT', message: /checksum mismatch.*disco repair/ }, 'the damage is named: STORE_CORRUPT')
})
