import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import type { Test } from 'tap'
import { DiscoNode } from '../../src/node/node.js'
import { joinCooperative } from '../../src/invites/join.js'
import { invite } from '../../src/commands/invite.js'
import type { NetworkOptions } from '../../src/net/swarm.js'
import { getDigest } from '../../src/consensus/queries.js'
import { converge } from '../../src/demo/converge.js'

/** One fresh folder per test (t.testdir() empties its folder on every call, so nodes made by
 * several helpers in one test would wipe each other's storage). */
const folders = new WeakMap<Test, string>()
export function folder (t: Test, name: string): string {
  let dir = folders.get(t)
  if (dir === undefined) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-test-'))
    const made = dir
    folders.set(t, made)
    t.teardown(() => fs.rmSync(made, { recursive: true, force: true }))
  }
  return path.join(dir, name)
}

/** A loopback DHT testnet and nodes on it, closed when the test ends. */
export async function testnet (t: Test): Promise<NetworkOptions> {
  const net = await createTestnet(3, { host: '127.0.0.1' })
  t.teardown(() => net.destroy())
  return { bootstrap: net.bootstrap, host: '127.0.0.1' }
}

export async function founder (t: Test, network: NetworkOptions, name = 'Ana'): Promise<DiscoNode> {
  const node = await DiscoNode.create({ storage: folder(t, name), coopName: 'Coop', memberName: name, network, ackInterval: 100 })
  t.teardown(() => node.close())
  await node.joined()
  return node
}

export async function joiner (t: Test, network: NetworkOptions, by: DiscoNode, name: string, role = 'contributor', storage = folder(t, name)): Promise<DiscoNode> {
  const { code } = await invite(by, { role })
  const node = await joinCooperative({ storage, code, network, me: name, timeoutMs: 30_000 })
  t.teardown(() => node.close())
  return node
}

export async function digestOf (node: DiscoNode): Promise<string | null> {
  const snap = node.snapshot()
  try { return await getDigest(snap) } finally { await snap.close() }
}

/** Wait (on ledger updates, never a fixed sleep) until every node holds the same signed view. */
export async function converged (nodes: DiscoNode[], timeoutMs = 30_000): Promise<string> {
  await converge(nodes, timeoutMs)
  const digest = await digestOf(nodes[0] as DiscoNode)
  if (digest === null) throw new Error('no digest')
  return digest
}
