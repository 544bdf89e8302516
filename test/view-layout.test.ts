import t from 'tap'
import type { Test } from 'tap'
import fs from 'node:fs/promises'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import Autobase from 'autobase'
import Corestore from 'corestore'
import type Hyperbee from 'hyperbee'
import { DiscoNode } from '../src/node/node.js'
import { corestorePath, readConfig } from '../src/node/storage.js'
import { LAYOUT_KEY, VIEW_LAYOUT } from '../src/consensus/view-layout.js'
import { canonicalBytes } from '../src/consensus/canonical-json.js'
import { ledgerHandlers } from '../src/node/ledger-handlers.js'
import { finishViewSwap, layoutAction, rebuildNotice, viewLayout } from '../src/node/view-upgrade.js'
import type { RebuildProgress } from '../src/node/view-rebuild.js'
import { DEVICE_KEYS_FILE } from '../src/node/device-keys.js'
import { readLayout, sameEverywhere } from '../bench/protocol/layout-reads.js'
import type { LayoutReads } from '../bench/protocol/layout-reads.js'
import { FIXTURE_ROOT } from '../bench/protocol/fixture-files.js'
import { FakeWriter, admitOf, frame, inviteOf, testInvite } from './helpers/ops.js'
import { cooperative } from './helpers/coop.js'
import { getMember } from '../src/consensus/queries.js'
import { keys } from '../src/consensus/view-layout.js'
import { parseJson } from '../src/consensus/canonical-json.js'
import type { Member } from '../src/ledger/members.js'

/**
 * The view's layout (UPGRADE.md): a store written by an older release's layout is rebuilt from
 * its signed logs at open and then reads as it did; a newer one stops the node. The older store
 * is a frozen fixture, made by that layout's own code (npm run fixtures:layout).
 */

async function reads (node: DiscoNode): Promise<LayoutReads> {
  const snap = node.snapshot()
  try { return await readLayout(snap, node.base.store) } finally { await snap.close() }
}

async function layoutOf (node: DiscoNode): Promise<number | null> {
  const snap = node.snapshot()
  try { return await viewLayout(snap) } finally { await snap.close() }
}

t.test('what a node does with each layout', async t => {
  t.equal(layoutAction(null), 'read', 'no ledger yet: nothing to check')
  t.equal(layoutAction(VIEW_LAYOUT), 'read')
  t.equal(layoutAction(VIEW_LAYOUT - 1), 'rebuild')
  t.equal(layoutAction(1), 'rebuild', 'a view from before the layout was recorded')
  t.equal(layoutAction(VIEW_LAYOUT + 1), 'stop')
})

// written at an open by this release, not a rebuild's leftovers: acked-length (node/acked-length.ts)
// and the copy of the device's keys that disco repair rebuilds a damaged store from
const openedBy = (f: string): boolean => f === 'acked-length' || f === DEVICE_KEYS_FILE

async function unpack (t: Test, layout: number): Promise<{ storage: string, before: LayoutReads, folders: string[] }> {
  const fixture = path.join(FIXTURE_ROOT, 'layout', `v${layout}`)
  const storage = path.join(t.testdir(), 'ana')
  await fs.mkdir(storage)
  execFileSync('tar', ['-xzf', path.join(fixture, 'store.tar.gz'), '-C', storage])
  const before = JSON.parse(await fs.readFile(path.join(fixture, 'reads.json'), 'utf8')) as LayoutReads
  const folders = (await fs.readdir(storage)).filter(f => !openedBy(f)).sort()
  return { storage, before, folders }
}

function sameReads (t: Test, now: LayoutReads, before: LayoutReads): void {
  const after = sameEverywhere(now)
  const then = sameEverywhere(before)
  t.same(after.logs, then.logs, 'every signed log as it was: same lengths, same Merkle roots')
  t.same(after.members, then.members, 'the same members')
  t.same(after.entries, then.entries, `the same ${before.entries.length} entries`)
  t.same(after.balances, then.balances, 'the same balances')
  t.same(after.statements, then.statements, 'the same statements: every line\'s credits and payout')
  t.same(after.proposals, then.proposals, 'the same proposals, decided for the same reasons, in the same words')
}

// Every older layout's frozen store (npm run fixtures:layout made each with that layout's code).
for (let layout = 1; layout < VIEW_LAYOUT; layout++) {
  t.test(`a store of layout ${layout} is rebuilt from its logs at open, and reads as it did`, async t => {
    const { storage, before, folders } = await unpack(t, layout)
    const progress: RebuildProgress[] = []
    const node = await DiscoNode.open({ storage, onRebuild: p => progress.push(p) })
    try {
      t.ok(progress.length > 0, `the rebuild reported progress ${progress.length} times`)
      const last = progress.at(-1) as RebuildProgress
      t.ok(last.applied >= last.target && last.target > 0, `every block applied again (${last.applied} of ${last.target})`)
      t.equal(await layoutOf(node), VIEW_LAYOUT, 'the view is now of this release\'s layout')
      const now = await reads(node)
      sameReads(t, now, before)
      // layout 4 changed how a distribution adds up its credits (running totals), not what it writes
      if (layout === 3) t.same(now.statements, before.statements, 'every statement whole, field by field, as layout 3 wrote it')
    } finally {
      await node.close()
    }
    t.same((await fs.readdir(storage)).filter(f => !openedBy(f)).sort(), folders, 'nothing left beside the store')

    progress.length = 0
    const again = await DiscoNode.open({ storage, onRebuild: p => progress.push(p) })
    await again.close()
    t.equal(progress.length, 0, 'a rebuilt store opens without another rebuild')
  })
}

t.test(`the frozen store of this release's layout (${VIEW_LAYOUT}) opens as it is, and reads as it did`, async t => {
  const { storage, before } = await unpack(t, VIEW_LAYOUT)
  const progress: RebuildProgress[] = []
  const node = await DiscoNode.open({ storage, onRebuild: p => progress.push(p) })
  try {
    t.equal(progress.length, 0, 'no rebuild')
    sameReads(t, await reads(node), before)
  } finally {
    await node.close()
  }
})

t.test('a store of a newer layout stops the node with UPGRADE_REQUIRED, and is left as it was', async t => {
  const storage = path.join(t.testdir(), 'node')
  const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
  await node.close()

  // a newer release's node wrote this view: the same ledger, the layout record raised
  const { ledger } = await readConfig(storage)
  const store = new Corestore(corestorePath(storage))
  const newer = new Autobase<Hyperbee>(store, Buffer.from(ledger, 'hex'), {
    ...ledgerHandlers,
    encrypt: true,
    ackInterval: 0,
    apply: async (nodes, view, host) => {
      await ledgerHandlers.apply(nodes, view, host)
      await view.put(LAYOUT_KEY, Buffer.from(canonicalBytes({ version: VIEW_LAYOUT + 1 })))
    }
  })
  await newer.ready()
  await newer.append(frame([{ type: 'tick' }], { time: Date.now() }))
  await newer.update()
  await newer.close()
  await store.close()
  const folders = (await fs.readdir(storage)).sort()

  const upgrade = { code: 'UPGRADE_REQUIRED', message: new RegExp(`view layout ${VIEW_LAYOUT + 1}`) }
  await t.rejects(DiscoNode.open({ storage }), upgrade)
  t.same((await fs.readdir(storage)).sort(), folders, 'no rebuild begun: no folder made, none removed')
  await t.rejects(DiscoNode.open({ storage }), upgrade, 'and the view still says so at the next open')
})

t.test('a swap a crash interrupted is finished at the next open', async t => {
  const storage = t.testdir()
  const live = corestorePath(storage)
  const mark = async (dir: string, text: string): Promise<void> => {
    await fs.mkdir(dir, { recursive: true })
    await fs.writeFile(path.join(dir, 'which'), text)
  }
  // the crash came after the old store was moved aside, before the rebuilt one was moved in
  await mark(`${live}.old-layout`, 'old')
  await mark(`${live}.rebuilt`, 'rebuilt')
  await finishViewSwap(storage)
  t.equal(await fs.readFile(path.join(live, 'which'), 'utf8'), 'rebuilt')
  t.same((await fs.readdir(storage)).sort(), ['corestore'])

  // the crash came before the swap began: the complete rebuild replaces the live store
  await mark(`${live}.rebuilt`, 'second')
  await finishViewSwap(storage)
  t.equal(await fs.readFile(path.join(live, 'which'), 'utf8'), 'second')
  t.same((await fs.readdir(storage)).sort(), ['corestore'])
})

t.test('a newcomer admitted by invite has no name in the view, and reads as "newcomer" and their id', async t => {
  const { coop, members } = await cooperative(t, 1)
  const joiner = new FakeWriter(0x42)
  const inv = testInvite(0x43)
  await coop.write(members[0] as FakeWriter, [inviteOf(inv, 'contributor', coop.time + 86_400_000)])
  await coop.write(members[0] as FakeWriter, [admitOf(inv, joiner.key)])
  const stored = await coop.view.get(keys.member(joiner.hex))
  t.equal(stored === null ? null : parseJson<Member>(stored.value).name, '', 'the record holds no words')
  t.equal((await getMember(coop.view, joiner.hex))?.name, `newcomer ${joiner.hex.slice(0, 8)}`)
})

t.test('without a listener, a rebuild tells the member on stderr, at most once a second and when done', async t => {
  const lines: string[] = []
  const notice = rebuildNotice(line => lines.push(line))
  notice({ applied: 0, target: 300 })
  notice({ applied: 100, target: 300 })
  notice({ applied: 300, target: 300 })
  t.equal(lines.length, 2, 'the first line, then the last')
  t.match(lines[0], /rebuilding the ledger's view .*: 0 of 300 blocks$/)
  t.match(lines[1], /300 of 300 blocks, done$/)
})
