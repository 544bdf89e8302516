import b4a from 'b4a'
import type { Test } from 'tap'
import { DiscoNode } from '../../src/node/node.js'
import { deviceKey } from '../../src/invites/join.js'
import { writeConfig } from '../../src/node/storage.js'
import { invite } from '../../src/commands/invite.js'
import { joinRequestData, parseJoinRequest } from '../../src/net/invites.js'
import { folder } from './cluster.js'
import { converge } from '../../src/demo/converge.js'

/** A replication stream between two nodes, over in-process streams (no swarm), that a test can cut and heal. */
export class Link {
  private streams: Array<{ destroy: () => void }> | null = null
  constructor (readonly a: DiscoNode, readonly b: DiscoNode, readonly name: string) {}
  get up (): boolean { return this.streams !== null }
  heal (): void {
    if (this.streams !== null) return
    const s1 = this.a.base.replicate(true)
    const s2 = this.b.base.replicate(false)
    for (const s of [s1, s2]) s.on('error', () => {}) // a cut is an error on both ends
    s1.pipe(s2).pipe(s1)
    this.streams = [s1, s2]
  }

  cut (): void {
    for (const s of this.streams ?? []) s.destroy()
    this.streams = null
  }

  /** a new pair of streams: what a reconnecting peer gets */
  reconnect (): void {
    this.cut()
    this.heal()
  }
}

/**
 * Converge the nodes (every link up). Replication in one process sometimes leaves the indexer
 * without a peer's newest block until the peers reconnect (the model and partition tests meet it
 * too): after `firstMs` the links reconnect, once, and the nodes get `thenMs` more. Returns
 * whether it took a reconnect, for the test to say.
 */
export async function convergeLinked (nodes: DiscoNode[], links: Link[], firstMs = 20_000, thenMs = 60_000): Promise<boolean> {
  try {
    await converge(nodes, firstMs)
    return false
  } catch {
    for (const l of links) l.reconnect()
    await converge(nodes, thenMs)
    return true
  }
}

/**
 * A device folder for `name`, admitted (as a contributor) by the founder's `admit` of an invite,
 * as `disco join` leaves it before the device's node first opens: its storage and writer key.
 */
export async function admitted (t: Test, founder: DiscoNode, name: string): Promise<{ storage: string, writer: string }> {
  const storage = folder(t, name)
  const writer = await deviceKey(storage)
  await writeConfig(storage, { format: 1, ledger: b4a.toString(founder.key, 'hex') })
  const { id, code } = await invite(founder, { role: 'contributor' })
  const sent = parseJoinRequest(joinRequestData(code, b4a.from(writer, 'hex')))
  if (sent === null) throw new Error('no join request')
  await founder.append([{ type: 'admit', inviteId: b4a.from(id, 'hex'), writer: sent.writer, proof: sent.proof }])
  return { storage, writer }
}

/**
 * A founder and one node per further name, each admitted (as a contributor) by the founder's
 * `admit` of an invite, every pair linked: the nodes and their links. Closed when the test ends.
 */
export async function linkedNodes (t: Test, names: string[]): Promise<{ nodes: DiscoNode[], links: Link[] }> {
  const [first, ...rest] = names
  const founder = await DiscoNode.create({ storage: folder(t, first ?? 'ana'), coopName: 'Coop', memberName: first ?? 'ana', ackInterval: 50 })
  const nodes = [founder]
  const links: Link[] = []
  t.teardown(async () => { for (const l of links) l.cut(); for (const n of nodes) await n.close() })
  for (const name of rest) {
    const { storage } = await admitted(t, founder, name)
    const node = await DiscoNode.open({ storage, encryptionKey: founder.encryptionKeyForPairing(), ackInterval: 50 })
    nodes.push(node)
    for (const other of nodes.slice(0, -1)) {
      const l = new Link(other, node, `${names[nodes.indexOf(other)] ?? '?'}-${name}`)
      links.push(l)
      l.heal()
    }
  }
  return { nodes, links }
}

/** Wait (on the nodes' updates, never a fixed sleep) until `done` holds. */
export async function until (nodes: DiscoNode[], done: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await Promise.all(nodes.map(async n => await n.base.update().catch(() => {})))
    if (await done()) return
    await new Promise<void>(resolve => {
      const wake = (): void => { clearTimeout(timer); for (const n of nodes) n.off('update', wake); resolve() }
      const timer = setTimeout(wake, 250) // a change can land without an update event
      for (const n of nodes) n.on('update', wake)
    })
  }
}
