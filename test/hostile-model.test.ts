import t from 'tap'
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import { DiscoNode } from '../src/node/node.js'
import { DiscoError } from '../src/errors.js'
import { deviceKey } from '../src/invites/join.js'
import { writeConfig } from '../src/node/storage.js'
import { invite } from '../src/commands/invite.js'
import { log } from '../src/commands/log.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { close } from '../src/commands/close.js'
import { converge } from '../src/demo/converge.js'
import { joinRequestData, parseJoinRequest } from '../src/net/invites.js'
import { getLedgerTime, getMember, listDeviceKeys, listEntries, listMembers, listProposals, listVotes, memberBalances } from '../src/consensus/queries.js'
import type { ViewSnapshot } from '../src/node/node.js'
import { votesCast } from '../src/ledger/governance.js'
import { encodeFrame } from '../src/ledger/codec.js'
import { PROTOCOL_VERSION } from '../src/ledger/ops.js'
import type { Op, OpRef } from '../src/ledger/ops.js'
import { refFromFullId } from '../src/ledger/ids.js'
import { STREAMS } from '../src/ledger/streams.js'
import { prng } from '../bench/prng.js'
import { contribution } from './helpers/ops.js'
import { folder } from './helpers/cluster.js'

/**
 * A model-based test of the trust rules. Three nodes of one cooperative replicate in process: Ana
 * and Bo, full members, act through the commands as honest members would (log, propose, vote,
 * close, invite, admit a newcomer who holds a code, remove Eve), on clocks the test moves forward
 * by hours and days; Eve, a dater, appends raw frames past every check a node makes — forged times
 * (far ahead, or set back), closes and votes on anything, proposals with past or tiny deadlines,
 * replayed and foreign invite ids and proofs, amends and retractions of others' entries, ticks a
 * year ahead — and goes on after she is removed. After every step the nodes converge, and on every
 * node these hold, written as plain predicates (`invariants`):
 * - no proposal is decided before the ledger time passes its deadline (or minimum deliberation)
 *   unless every binding voter voted; only binding votes count, and only a binding voter's vote or
 *   close decides;
 * - no device is admitted without its invite's secret;
 * - a member's entries are written, amended and retracted only by that member's devices;
 * - balances equal the exact sum of the entries that count;
 * - all nodes hold the same digest (converge).
 * Seeds come from a fixed list; DISCO_MODEL_SEEDS=random draws new ones (printed) and
 * DISCO_MODEL_STEPS sets the steps per seed. A seed that ever fails joins SEEDS.
 */
const SEEDS = process.env.DISCO_MODEL_SEEDS === 'random'
  ? Array.from({ length: 3 }, () => Math.floor(Math.random() * 0x7fffffff))
  : (process.env.DISCO_MODEL_SEEDS ?? '20261206,7,1999').split(',').map(Number)
const STEPS = Number(process.env.DISCO_MODEL_STEPS ?? 36)
const HOUR = 3_600_000
const DAY = 24 * HOUR

t.setTimeout(Math.max(240_000, SEEDS.length * STEPS * 4_000))

/** why a link's streams ended, when they did (a stream error is swallowed, but kept for the report) */
const linkErrors: string[] = []

class Link {
  private streams: Array<{ destroy: () => void }> = []
  constructor (private readonly a: DiscoNode, private readonly b: DiscoNode) { this.heal() }
  heal (): void {
    const s1 = this.a.base.replicate(true)
    const s2 = this.b.base.replicate(false)
    for (const s of [s1, s2]) s.on('error', (err: Error) => { linkErrors.push(err.message) })
    s1.pipe(s2).pipe(s1)
    this.streams = [s1, s2]
  }

  /** a new pair of streams: what a reconnecting peer gets */
  reconnect (): void {
    for (const s of this.streams) s.destroy()
    this.heal()
  }
}

async function read<T> (node: DiscoNode, fn: (s: ViewSnapshot) => Promise<T>): Promise<T> {
  const snap = node.snapshot()
  try { return await fn(snap) } finally { await snap.close() }
}

/** JSON with sorted keys: two records compare by content. */
function canonical (value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a < b ? -1 : 1))
    : v)
}

/** The invariants, on one node's view. Returns what is broken, in words ([] when all hold). */
async function invariants (s: ViewSnapshot, legit: Set<string>, binding: Set<string>): Promise<string[]> {
  const broken: string[] = []
  const members = new Map((await listMembers(s)).map(m => [m.id, m]))
  const memberOfDevice = new Map<string, string>()
  for (const m of members.values()) for (const d of m.devices) memberOfDevice.set(d, m.id)

  for (const d of await listDeviceKeys(s)) if (!legit.has(d)) broken.push(`device ${d.slice(0, 8)} was admitted without its invite's secret`)

  for (const { proposal: p } of await listProposals(s)) {
    const votes = await listVotes(s, p.id)
    const counted = { yes: 0, no: 0, abstain: 0, block: 0 }
    for (const v of votes) if (v.weight === 'binding') counted[v.choice]++
    if ((['yes', 'no', 'abstain', 'block'] as const).some(c => counted[c] !== p.tally[c])) broken.push(`${p.id}: the tally ${JSON.stringify(p.tally)} is not the binding votes ${JSON.stringify(counted)}`)
    if (p.status === 'open') continue
    if (!((p.decidedAt ?? 0) > p.deliberateUntil || votesCast(p.tally) >= p.voters)) {
      broken.push(`${p.id} was decided (${p.status}) at ledger time ${p.decidedAt ?? '?'}, before ${p.deliberateUntil}, with ${votesCast(p.tally)} of ${p.voters} votes`)
    }
    const decidingVote = votes.find(v => v.op === p.decidedBy)
    const decider = (p.decidedBy ?? '').split('-')[0] ?? ''
    if (decidingVote !== undefined ? decidingVote.weight !== 'binding' : !binding.has(decider)) {
      broken.push(`${p.id} was decided by ${p.decidedBy ?? '?'}, not a binding voter's op`)
    }
  }

  const entries = await listEntries(s, {})
  for (const e of entries) {
    if (memberOfDevice.get(e.device) !== e.member) broken.push(`entry ${e.id} of ${e.member.slice(0, 8)} was written by device ${e.device.slice(0, 8)}`)
    const amender = (e.lastAmend ?? '').split('-')[0] ?? ''
    if (e.lastAmend !== null && memberOfDevice.get(amender) !== e.member) broken.push(`entry ${e.id} was amended by device ${amender.slice(0, 8)}`)
  }

  for (const m of members.values()) {
    for (const row of await memberBalances(s, m.id, 'all')) {
      const counted = entries.filter(e => e.member === m.id && e.stream === row.stream && e.status === 'active')
      const money: Record<string, bigint> = {}
      for (const e of counted) if (e.money !== null) money[e.money.currency] = (money[e.money.currency] ?? 0n) + BigInt(e.money.amount)
      const expected = {
        minutes: counted.reduce((n, e) => n + e.minutes, 0),
        entries: counted.length,
        money: Object.fromEntries(Object.entries(money).filter(([, a]) => a !== 0n).map(([c, a]) => [c, a.toString()]))
      }
      if (canonical(row.balance) !== canonical(expected)) broken.push(`${m.name}'s ${row.stream} balance ${JSON.stringify(row.balance)} is not the sum of their entries ${JSON.stringify(expected)}`)
    }
  }
  return broken
}

for (const seed of SEEDS) {
  t.test(`a hostile dater among honest members, ${STEPS} steps (seed ${seed})`, async t => {
    t.comment(`model seed ${seed} (DISCO_MODEL_SEEDS=${seed} replays it)`)
    const rand = prng(seed)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
    const chance = (p: number): boolean => rand() < p
    let now = Date.now() // the honest members' clock, moved on by the test
    const clock = (): number => now

    const ana = await DiscoNode.create({ storage: folder(t, 'ana'), coopName: 'Coop', memberName: 'Ana', ackInterval: 50, clock })
    const nodes = [ana]
    const links: Link[] = []
    t.teardown(async () => { for (const n of nodes) await n.close().catch(() => {}) })
    const join = async (name: string, role: 'contributor' | 'dater'): Promise<DiscoNode> => {
      const storage = folder(t, name)
      const writer = b4a.from(await deviceKey(storage), 'hex')
      await writeConfig(storage, { format: 1, ledger: b4a.toString(ana.key, 'hex') })
      const { id, code } = await invite(ana, { role }, now)
      const sent = parseJoinRequest(joinRequestData(code, writer))
      if (sent === null) throw new Error('no join request')
      await ana.append([{ type: 'admit', inviteId: b4a.from(id, 'hex'), writer: sent.writer, proof: sent.proof }])
      const node = await DiscoNode.open({ storage, encryptionKey: ana.encryptionKeyForPairing(), ackInterval: 50, clock })
      for (const other of nodes) links.push(new Link(other, node))
      nodes.push(node)
      return node
    }
    const bo = await join('bo', 'contributor')
    const eve = await join('eve', 'dater')
    const hex = (n: DiscoNode): string => b4a.toString(n.localKey, 'hex')
    const legit = new Set([hex(ana), hex(bo), hex(eve)])
    const binding = new Set([hex(ana), hex(bo)])
    await converge(nodes, 60_000)
    const promoted = (await propose(ana, { kind: 'role', member: hex(bo), role: 'member' }, now)).proposal
    await vote(ana, { id: promoted.id, choice: 'yes' })
    await converge(nodes, 60_000)
    t.equal((await read(bo, async s => await getMember(s, hex(bo))))?.role, 'member', 'Bo is a member, Eve a dater')

    const honest = [ana, bo]
    const entryIds: string[] = []
    const invites: Array<{ id: string, code: string }> = []
    const proofs: Uint8Array[] = []
    let eveTime = 0
    let eveRemoved = false
    const openProposals = async (): Promise<string[]> => await read(ana, async s => (await listProposals(s)).filter(p => p.proposal.status === 'open').map(p => p.proposal.id))
    const anyProposal = async (): Promise<string | null> => {
      const all = await read(ana, async s => (await listProposals(s)).map(p => p.proposal.id))
      return all.length === 0 ? null : pick(all)
    }
    const refOf = (id: string): OpRef => refFromFullId(id)
    /** an honest command, whose refusals (typed, nothing appended) are part of the game */
    const attempt = async (work: Promise<unknown>): Promise<string> => {
      try { await work; return 'ok' } catch (err) {
        if (err instanceof DiscoError) return err.code
        throw err
      }
    }
    const raw = async (ops: Op[], time: number): Promise<string> => {
      eveTime = Math.max(eveTime, time)
      try {
        await eve.base.append(b4a.from(encodeFrame({ version: PROTOCOL_VERSION, time, ops })))
        return 'appended'
      } catch {
        return 'not a writer'
      }
    }

    const trace: string[] = []
    const reconnects: number[] = []
    for (let step = 0; step < STEPS; step++) {
      let did: string
      if (chance(0.5)) {
        const me = pick(honest)
        const who = me === ana ? 'Ana' : 'Bo'
        const what = pick(['log', 'log', 'propose', 'vote', 'vote', 'close', 'wait', 'invite', 'admit', 'remove'] as const)
        switch (what) {
          case 'log': {
            const stream = pick(STREAMS)
            const money = stream === 'livelihood' && chance(0.5) ? { amount: '9999999999999.99', currency: 'EUR', client: 'Acme' } : {}
            const made = await log(me, { stream, duration: `${1 + Math.floor(rand() * 5)}h`, description: 'work', date: new Date(now).toISOString().slice(0, 10), ...money })
            entryIds.push(made.entry.id)
            did = `${who} logs ${stream}`
            break
          }
          case 'propose': {
            const deadline = chance(0.5) ? undefined : `${24 + Math.floor(rand() * 48)}h`
            did = `${who} proposes a motion (deadline ${deadline ?? 'none'}): ${await attempt(propose(me, { kind: 'motion', text: 'motion', ...(deadline !== undefined ? { deadline } : {}) }, now))}`
            break
          }
          case 'vote': {
            const open = await openProposals()
            if (open.length === 0) { did = `${who} finds nothing to vote on`; break }
            const choice = pick(['yes', 'yes', 'no', 'abstain', 'block'] as const)
            did = `${who} votes ${choice}: ${await attempt(vote(me, { id: pick(open), choice }))}`
            break
          }
          case 'close': {
            const open = await openProposals()
            if (open.length === 0) { did = `${who} finds nothing to close`; break }
            did = `${who} closes: ${await attempt(close(me, { id: pick(open) }))}`
            break
          }
          case 'wait': {
            now += Math.floor(rand() * 3 * DAY)
            for (const n of honest) await n.append([{ type: 'tick' }])
            did = `time passes: ${new Date(now).toISOString().slice(0, 16)}`
            break
          }
          case 'invite': {
            const made = await invite(me, { role: 'contributor' }, now)
            invites.push({ id: made.id, code: made.code })
            did = `${who} invites`
            break
          }
          case 'admit': {
            const inv = invites.pop()
            if (inv === undefined) { did = `${who} has no invite to answer`; break }
            // a newcomer who holds the code: a new device key, its proof, relayed by an honest node
            const newcomer = crypto.keyPair().publicKey
            const sent = parseJoinRequest(joinRequestData(inv.code, newcomer))
            if (sent === null) throw new Error('no join request')
            proofs.push(sent.proof)
            legit.add(b4a.toString(newcomer, 'hex'))
            await me.append([{ type: 'admit', inviteId: b4a.from(inv.id, 'hex'), writer: sent.writer, proof: sent.proof }])
            did = `${who} admits a newcomer who holds a code`
            break
          }
          case 'remove': {
            if (eveRemoved) { did = 'Eve is already removed'; break }
            const p = (await propose(ana, { kind: 'remove', member: hex(eve) }, now)).proposal
            await converge(nodes, 60_000)
            await vote(ana, { id: p.id, choice: 'yes' })
            await converge(nodes, 60_000)
            did = `Ana and Bo remove Eve: ${(await vote(bo, { id: p.id, choice: 'yes' })).proposal.status}`
            eveRemoved = true
            break
          }
        }
      } else {
        // Eve's raw frames: her clock is whatever she says, but never before her own last frame
        // (those are refused whole: CLOCK_WENT_BACK), except when she tries exactly that
        const time = pick([now, now + Math.floor(rand() * 400) * DAY, eveTime, eveTime + HOUR, Math.max(0, eveTime - DAY)])
        const what = pick(['self-member', 'close', 'vote', 'admit', 'amend', 'retract', 'log', 'distribute', 'tick', 'deliberation'] as const)
        const target = await anyProposal()
        const sockpuppet = crypto.keyPair().publicKey
        let ops: Op[]
        switch (what) {
          case 'self-member':
            ops = [{ type: 'propose', action: { kind: 'role', member: eve.localKey, role: 'member' }, text: 'me', audience: 'members', deadline: pick([0, 1, now - DAY, now + HOUR, now + 25 * HOUR]) }]
            break
          case 'close':
            ops = target === null ? [{ type: 'tick' }] : [{ type: 'close', proposal: refOf(target) }]
            break
          case 'vote':
            ops = target === null ? [{ type: 'tick' }] : [{ type: 'vote', proposal: refOf(target), choice: pick(['yes', 'no', 'block'] as const), reason: '' }]
            break
          case 'admit': {
            const inv = invites.length > 0 && chance(0.7) ? pick(invites).id : b4a.toString(crypto.randomBytes(32), 'hex')
            const proof = proofs.length > 0 && chance(0.5) ? pick(proofs) : chance(0.5) ? crypto.randomBytes(64) : crypto.sign(sockpuppet, crypto.keyPair().secretKey)
            ops = [{ type: 'admit', inviteId: b4a.from(inv, 'hex'), writer: sockpuppet, proof }]
            break
          }
          case 'amend':
            ops = entryIds.length === 0 ? [{ type: 'tick' }] : [{ type: 'amend', target: refOf(pick(entryIds)), patch: { minutes: 600 } }]
            break
          case 'retract':
            ops = entryIds.length === 0 ? [{ type: 'tick' }] : [{ type: 'retract', target: refOf(pick(entryIds)), reason: 'mine now' }]
            break
          case 'log':
            ops = [contribution({ minutes: 60, day: Math.floor(now / DAY) })]
            break
          case 'distribute':
            ops = [{ type: 'propose', action: { kind: 'distribute', month: new Date(now).toISOString().slice(0, 7), pool: { amount: 100, currency: 'EUR' } }, text: '', audience: 'members', deadline: 0 }]
            break
          case 'tick':
            ops = [{ type: 'tick' }]
            break
          case 'deliberation':
            ops = [{ type: 'propose', action: { kind: 'deliberation', hours: 0 }, text: '', audience: 'members', deadline: 1 }]
            break
        }
        did = `Eve (${what}, at ${new Date(time).toISOString().slice(0, 10)}): ${await raw(ops, time)}`
      }
      trace.push(did)

      try {
        try {
          await converge(nodes, 20_000)
        } catch {
          // Replication in this process sometimes leaves the indexer without a peer's newest
          // block until the peers reconnect (the partitions test heals its links the same way):
          // the step is judged once they have, with its invariants as strict as ever.
          for (const l of links) l.reconnect()
          reconnects.push(step)
          await converge(nodes, 60_000)
        }
      } catch (err) {
        const failures = nodes.map(n => { try { n.snapshot().close().catch(() => {}); return 'ok' } catch (e) { return (e as Error).message } })
        t.fail(`step ${step} (${did}): ${(err as Error).message}; links: ${linkErrors.join(', ') || 'all up'}; nodes: ${failures.join(' | ')}\n${trace.join('\n')}`)
        return
      }
      for (const [i, n] of nodes.entries()) {
        const broken = await read(n, async s => await invariants(s, legit, binding))
        if (broken.length > 0) {
          t.fail(`step ${step} (${did}) on node ${i}: ${broken.join('; ')}\n${trace.join('\n')}`)
          return
        }
      }
    }
    const ledgerTime = await read(ana, getLedgerTime)
    t.ok(ledgerTime <= now, `the ledger time (${new Date(ledgerTime).toISOString()}) never passed the honest members' clocks`)
    if (process.env.DISCO_MODEL_TRACE === '1') t.comment(trace.join('\n'))
    if (reconnects.length > 0) t.comment(`the nodes reconnected to converge after steps ${reconnects.join(', ')}`)
    t.pass(`${STEPS} steps, every invariant held on every node after each: ${trace.filter(l => l.startsWith('Eve')).length} of Eve's frames`)
  })
}
