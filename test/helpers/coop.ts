import b4a from 'b4a'
import { proposalReason } from '../../src/commands/proposal-view.js'
import type { Test } from 'tap'
import type Hyperbee from 'hyperbee'
import type { ApplyNode } from 'autobase'
import { apply } from '../../src/consensus/apply.js'
import type { Proposal } from '../../src/consensus/governance.js'
import { HEAD_KEY, keys } from '../../src/consensus/view-layout.js'
import { parseJson } from '../../src/consensus/canonical-json.js'
import type { Op, ProposalAction } from '../../src/ledger/ops.js'
import { FakeWriter, bareView, frame, host } from './ops.js'
import { folder } from './cluster.js'

/** A cooperative in one bare view, written block by block through apply: no network, no autobase. */
export const T0 = 1_790_000_000_000

export class Coop {
  readonly view: Hyperbee
  readonly h = host()
  readonly added: string[] = []
  readonly removed: string[] = []
  readonly indexed: string[] = []
  /** every block applied, in order: to replay the same ledger into another view */
  readonly applied: ApplyNode[] = []
  time = T0
  constructor (view: Hyperbee) {
    this.view = view
    this.h.addWriter = async (key: Uint8Array, opts?: { indexer?: boolean }) => {
      this.added.push(b4a.toString(key, 'hex'))
      if (opts?.indexer === true) this.indexed.push(b4a.toString(key, 'hex'))
    }
    this.h.removeWriter = async (key: Uint8Array) => { this.removed.push(b4a.toString(key, 'hex')) }
  }

  /** each call is one block by `w`, at the coop's clock plus `skew` */
  async write (w: FakeWriter, ops: Op[], skew = 0): Promise<{ writer: Buffer, seq: number, index: number }> {
    this.time += 1000
    const node = w.node(frame(ops, { time: this.time + skew }))
    this.applied.push(node)
    await apply([node], this.view, this.h)
    return { writer: w.key, seq: node.length - 1, index: 0 }
  }

  /** each writer says the coop's clock (plus `skew`): how members' clocks move the ledger time on */
  async tick (ws: FakeWriter[], skew = 0): Promise<void> {
    for (const w of ws) await this.write(w, [{ type: 'tick' }], skew)
  }

  /** move the clock to `time`, and every writer in `ws` says so: the ledger time follows */
  async advance (time: number, ws: FakeWriter[]): Promise<void> {
    this.time = time
    await this.tick(ws)
  }

  /** the ledger time now */
  async now (): Promise<number> {
    const got = await this.view.get(HEAD_KEY)
    return got === null ? 0 : parseJson<{ clock: { now: number } }>(got.value).clock.now
  }

  /** The proposal's record, with its outcome in words as `reason` (the view keeps a code). */
  async proposal (ref: { writer: Buffer, seq: number, index: number }): Promise<Proposal & { reason: string }> {
    const got = await this.view.get(keys.proposal(`${b4a.toString(ref.writer, 'hex')}-${ref.seq}-${ref.index}`))
    if (got === null) throw new Error('no proposal')
    const p = parseJson<Proposal>(got.value)
    return { ...p, reason: proposalReason(p) }
  }

  async propose (w: FakeWriter, action: ProposalAction, deadline = 0, audience: 'members' | 'all' = 'members') {
    return await this.write(w, [{ type: 'propose', action, text: 'please', audience, deadline }])
  }

  async vote (w: FakeWriter, ref: { writer: Buffer, seq: number, index: number }, choice: 'yes' | 'no' | 'abstain' | 'block', skew = 0) {
    return await this.write(w, [{ type: 'vote', proposal: ref, choice, reason: '' }], skew)
  }
}

/** A founder and `n - 1` more members, each admitted by a passed `admit` proposal. */
export async function cooperative (t: Test, n: number, name = 'coop'): Promise<{ coop: Coop, members: FakeWriter[] }> {
  const v = await bareView(folder(t, name))
  t.teardown(v.close)
  const coop = new Coop(v.bee)
  const members = [new FakeWriter(100)]
  await coop.write(members[0] as FakeWriter, [{ type: 'found', coopName: 'Coop', memberName: 'M0' }])
  for (let i = 1; i < n; i++) {
    const w = new FakeWriter(100 + i)
    const p = await coop.propose(members[0] as FakeWriter, { kind: 'admit', writer: w.key, role: 'member', name: `M${i}` })
    for (const m of members) {
      if ((await coop.proposal(p)).status === 'open') await coop.vote(m, p, 'yes')
    }
    t.equal((await coop.proposal(p)).status, 'passed', `M${i} admitted`)
    members.push(w)
  }
  return { coop, members }
}
