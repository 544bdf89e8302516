import { EventEmitter } from 'node:events'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { checkinPeriod, encodeFederationCode } from '../ledger/federation.js'
import type { Evidence } from '../ledger/federation.js'
import type { OpRef } from '../ledger/ops.js'
import { disputeKey } from '../consensus/federation.js'
import type { Federate } from '../consensus/federation.js'
import { getFederate, getFederationRules, listCheckins, listDisputes, listFederates } from '../consensus/federation-queries.js'
import { getLedgerTime } from '../consensus/queries.js'
import type { Network, NetworkOptions } from '../net/swarm.js'
import type { LedgerAccess } from '../node/ledger-access.js'
import type { Finding, Witness } from './witness.js'
import type { SignedHead } from './heads.js'

/** What a running node says about its federates (`disco start` prints these). */
export type FederationEvent =
  | { type: 'checkin', federate: string, name: string, length: number }
  | { type: 'dispute', federate: string, name: string, message: string, evidence: boolean, recorded: boolean }

/**
 * The node's federation work (docs/federation.md): it follows the view's list of federates, opens
 * their cores in the witness and joins their topics, checks in once a period while it runs, audits
 * each core against the check-ins, and records a dispute with the evidence when a federate rewrote
 * its past. The net layer only joins topics; what is decided here reads the view.
 */
export class FederationDesk extends EventEmitter {
  private readonly node: LedgerAccess
  private readonly witness: Witness
  private network: Network | null = null
  private readonly topics = new Set<string>()
  private readonly reported = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  /** ends the probes under way when the node closes */
  private readonly probes = new AbortController()
  private readonly probing = new Set<Promise<unknown>>()

  constructor (node: LedgerAccess, witness: Witness) {
    super()
    this.node = node
    this.witness = witness
    // hypercore's conflict event arrives between rounds
    this.witness.on('finding', (f: Finding) => { void this.report(f).catch(() => {}) })
  }

  /** This cooperative's federation code: its signed core's key and its swarm topic. */
  code (): string {
    return encodeFederationCode({ key: this.node.systemKey, topic: this.node.discoveryKey })
  }

  /** Witness while on the network: a round now, then one every `interval` ms. */
  start (network: Network, interval: number, options: NetworkOptions): void {
    this.network = network
    this.stop(false)
    this.witness.prober = async (key, peer, witnessed) => {
      // loaded here: a node that never goes online (a one-off command) need not load the network
      const { probeHistory } = await import('./probe.js')
      const probe = probeHistory({ network: options, key, peer, witnessed, signal: this.probes.signal })
      this.probing.add(probe)
      try { return await probe } finally { this.probing.delete(probe) }
    }
    this.timer = setInterval(() => { void this.round().catch(() => {}) }, interval)
    this.timer.unref()
    void this.round().catch(() => {})
  }

  stop (offline = true): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    if (offline) {
      this.witness.prober = null
      this.network = null
      this.topics.clear()
    }
  }

  async close (): Promise<void> {
    this.stop()
    this.probes.abort()
    await Promise.allSettled([...this.probing])
    await this.running?.catch(() => {})
    await this.witness.close()
  }

  /** One pass over the federates; a call while one runs waits for that one. */
  async round (): Promise<void> {
    this.running ??= this.pass().finally(() => { this.running = null })
    await this.running
  }

  private async pass (): Promise<void> {
    if (this.node.closing !== null) return
    const snap = this.node.snapshot()
    let federates: Federate[]
    let days: number
    let now: number
    const witnessed = new Map<string, Awaited<ReturnType<typeof listCheckins>>>()
    try {
      federates = await listFederates(snap, { removed: true })
      days = (await getFederationRules(snap)).days
      // check-ins count once a period of the ledger time, as apply judges them
      now = await getLedgerTime(snap)
      for (const f of federates) witnessed.set(f.id, await listCheckins(snap, f.id))
    } finally {
      await snap.close()
    }
    for (const f of federates) {
      if (this.node.closing !== null) return
      if (f.removedAt !== null) {
        await this.witness.unwatch(f.id)
        if (this.topics.delete(f.topic)) await this.network?.leaveTopic(b4a.from(f.topic, 'hex')).catch(() => {})
        continue
      }
      await this.witness.watch(f.id, f.name)
      if (this.network !== null && !this.topics.has(f.topic)) {
        this.topics.add(f.topic)
        this.network.joinTopic(b4a.from(f.topic, 'hex')).catch(() => {})
      }
      await this.witness.update(f.id)
      const checkins = witnessed.get(f.id) ?? []
      const finding = await this.witness.audit(f.id, checkins)
      if (finding !== null) await this.report(finding)
      const period = checkinPeriod(now, days)
      if (this.network !== null && !this.witness.isFrozen(f.id) && this.node.writable && !checkins.some(c => c.period === period)) {
        try {
          const done = await this.checkin(f.id)
          if (done !== null) this.emit('event', { type: 'checkin', federate: f.id, name: f.name, length: done.length } satisfies FederationEvent)
        } catch {
          // another node of the cooperative checked in first, or nothing arrived yet: next round
        }
      }
    }
  }

  /** Open a federate's core (if this node does not yet) and read its signed head from storage. */
  async head (id: string): Promise<SignedHead | null> {
    const snap = this.node.snapshot()
    let f: Federate | null
    try { f = await getFederate(snap, id) } finally { await snap.close() }
    if (f === null || f.removedAt !== null) throw new DiscoError('UNKNOWN_FEDERATE', `no federated cooperative ${id.slice(0, 8)}`)
    await this.witness.watch(id, f.name)
    if (this.network !== null) await this.witness.update(id)
    return await this.witness.head(id)
  }

  /** Append a check-in of the federate's signed head; null when nothing of it reached this node. */
  async checkin (id: string): Promise<{ ref: OpRef, length: number } | null> {
    const head = await this.head(id)
    if (head === null) return null
    const [ref] = await this.node.append([{ type: 'checkin', federate: b4a.from(id, 'hex'), manifest: head.manifest, ...head.state }])
    return { ref: ref as OpRef, length: head.state.length }
  }

  /** Say what was found, once; record a dispute when the evidence is there and not yet recorded. */
  private async report (f: Finding): Promise<void> {
    const key = f.evidence === null ? `${f.federate}:${f.message}` : `${f.federate}:${disputeKey(f.evidence.witnessed, f.evidence.observed)}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    let recorded = false
    if (f.evidence !== null && this.node.writable) recorded = await this.record(f.evidence)
    this.emit('event', { type: 'dispute', federate: f.federate, name: f.name, message: f.message, evidence: f.evidence !== null, recorded } satisfies FederationEvent)
  }

  private async record (e: Evidence): Promise<boolean> {
    const id = b4a.toString(e.federate, 'hex')
    const snap = this.node.snapshot()
    try {
      const key = disputeKey(e.witnessed, e.observed)
      if ((await listDisputes(snap, id)).some(d => disputeKey(stateOf(d.witnessed), stateOf(d.observed)) === key)) return true
    } finally {
      await snap.close()
    }
    try {
      await this.node.append([{ type: 'dispute', ...e }])
      return true
    } catch {
      return false
    }
  }
}

function stateOf (s: { length: number, fork: number, treeHash: string, signature: string }): { length: number, fork: number, treeHash: Uint8Array, signature: Uint8Array } {
  return { length: s.length, fork: s.fork, treeHash: b4a.from(s.treeHash, 'hex'), signature: b4a.from(s.signature, 'hex') }
}
