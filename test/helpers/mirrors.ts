import fs from 'node:fs/promises'
import path from 'node:path'
import type { Test } from 'tap'
import { DiscoNode } from '../../src/node/node.js'
import type { NetworkOptions } from '../../src/net/swarm.js'
import { MirrorService } from '../../src/mirror/service.js'
import { propose } from '../../src/commands/propose.js'
import { vote } from '../../src/commands/vote.js'
import { digestOf, folder } from './cluster.js'

/** A mirror (the real blind-peer) in this process, announced on the testnet, closed at the end. */
export async function mirrorOn (t: Test, network: NetworkOptions, name = 'mirror', maxBytes = 1_000_000_000): Promise<MirrorService> {
  const mirror = await MirrorService.open(folder(t, name), { maxBytes, network })
  t.teardown(() => mirror.close())
  await mirror.listen()
  return mirror
}

/** Wait for a condition, re-checked on each ledger update and at least every 200 ms. */
export async function until (what: string, nodes: DiscoNode[], check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise<void>(resolve => {
      const done = (): void => { clearTimeout(timer); for (const n of nodes) n.off('update', done); resolve() }
      const timer = setTimeout(done, 200)
      for (const n of nodes) n.on('update', done)
    })
  }
}

/** Until this node's mirror(s) hold everything it has. */
export async function heldByMirrors (node: DiscoNode, timeoutMs = 30_000): Promise<void> {
  let last: unknown = null
  await until('the mirror to hold this node\'s ledger', [node], async () => {
    const states = await node.mirrors()
    last = states
    return states.length > 0 && states.every(s => s.reached && s.behind === 0)
  }, timeoutMs).catch(err => { throw new Error(`${(err as Error).message}: ${JSON.stringify(last)}`) })
}

/** Every member present votes yes to make `key` one of the cooperative's mirrors. */
export async function adoptMirror (members: DiscoNode[], key: string): Promise<void> {
  const [first, ...rest] = members as [DiscoNode, ...DiscoNode[]]
  const { proposal } = await propose(first, { kind: 'mirrors', addMirror: key })
  await vote(first, { id: proposal.id, choice: 'yes' })
  for (const m of rest) {
    await until('the proposal to reach every member', members, async () => (await digestOf(m)) === (await digestOf(first)))
    await vote(m, { id: proposal.id, choice: 'yes' })
  }
}

/** Reopen a member's folder on the network (its node went offline before). */
export async function reopen (t: Test, network: NetworkOptions, name: string): Promise<DiscoNode> {
  const node = await DiscoNode.open({ storage: folder(t, name), network, ackInterval: 100 })
  t.teardown(() => node.close())
  return node
}

/** The ways a string could sit in a file as plain bytes: UTF-8, UTF-16, base64, hex, JSON, URL encoding. */
export function encodings (text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8')
  const forms = [
    utf8,
    Buffer.from(text, 'utf16le'),
    // base64 of a longer text holds the canary at one of three alignments: the whole groups of each
    ...[0, 1, 2].flatMap(shift => {
      const b64 = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString('base64').slice(shift === 0 ? 0 : 4, -4)
      return [Buffer.from(b64), Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_'))]
    }),
    Buffer.from(utf8.toString('hex')),
    Buffer.from(utf8.toString('hex').toUpperCase()),
    Buffer.from(JSON.stringify(text)),
    Buffer.from(encodeURIComponent(text))
  ]
  return forms
}

/** Every file under `dir` that holds any of the canaries in any of those encodings. */
export async function findCanaries (dir: string, canaries: string[]): Promise<string[]> {
  const found: string[] = []
  const needles = canaries.flatMap(c => encodings(c).map(bytes => ({ c, bytes })))
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = await fs.readFile(file)
    for (const n of needles) if (bytes.includes(n.bytes)) found.push(`${path.relative(dir, file)}: ${n.c}`)
  }
  return found
}
