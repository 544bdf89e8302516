/**
 * P10: a member catches up ops written while its node was offline, once from a peer member's node
 * and once from a mirror only (`disco mirror`, the real blind-peer, in its own process), in the
 * same run on the same loopback testnet, in interleaved rounds.
 *
 * Ana founds the ledger; members join (one per catch-up to come); the cooperative adopts the
 * mirror; they go offline and Ana writes the ops (100 to an append, as a member's days of work).
 * Then, in five pairs (peer, mirror, mirror, peer, … : each side first in turn, one switch of
 * processes per pair):
 *   - from a peer: the mirror is stopped, Ana's node runs as `disco start` in its own process (as
 *     the mirror does: a peer in this process would answer without crossing processes), and a
 *     member's node opens;
 *   - from a mirror: Ana's node stops, the mirror runs, and a member's node opens with nobody
 *     else online.
 * Each is timed from opening the node until its view has Ana's digest (discovery on the DHT
 * included: the swarm topic for the peer, the mirror's key for the mirror); the figures are the
 * medians. The mirror's resident memory is sampled while it serves (its peak), and its folder's
 * size is taken after.
 */
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import { DiscoNode } from '../src/node/node.js'
import { getDigest } from '../src/consensus/queries.js'
import { invite } from '../src/commands/invite.js'
import { propose } from '../src/commands/propose.js'
import { vote } from '../src/commands/vote.js'
import { joinCooperative } from '../src/invites/join.js'
import type { NetworkOptions } from '../src/net/swarm.js'
import { Child, DISCO_BIN, MB, appendOps, diskBytes, eventLine, removeDir, rssBytes, tempDir } from './fixtures.js'
import { median, msSince } from './harness.js'
import type { Scenario } from './harness.js'

async function digest (node: DiscoNode): Promise<string | null> {
  const snap = node.snapshot()
  try { return await getDigest(snap) } finally { await snap.close() }
}

/** resolves once `check` holds, re-checked on each update of the node (and every 100 ms) */
async function until (node: DiscoNode, what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`P10: timed out waiting for ${what}`)
    await new Promise<void>(resolve => {
      const done = (): void => { clearTimeout(t); node.off('update', done); resolve() }
      const t = setTimeout(done, 100)
      node.on('update', done)
    })
  }
}

const heldByMirror = async (node: DiscoNode): Promise<boolean> =>
  (await node.mirrors()).some(m => m.reached && m.behind === 0)

function startMirror (storage: string, network: NetworkOptions, flags: string[]): Child {
  const boot = (network.bootstrap ?? []).map(b => `${b.host}:${b.port}`).join(',')
  return new Child([DISCO_BIN, 'mirror', '--storage', storage, '--json', '--bootstrap', boot, '--dht-host', '127.0.0.1'], flags)
}

/** the mirror's key, once it is announced on the DHT */
async function announced (mirror: Child): Promise<string> {
  const { line } = await mirror.line('the mirror to be announced', l => {
    try { return (JSON.parse(l) as { listening?: boolean }).listening === true } catch { return false }
  }, 60_000)
  return (JSON.parse(line) as { key: string }).key
}

/**
 * which side each catch-up is from: five pairs, each side first in turn, one switch of processes
 * per pair. Five, not three: on a loaded machine a single catch-up varies threefold either way
 */
const ORDER: Array<'peer' | 'mirror'> = ['peer', 'mirror', 'mirror', 'peer', 'peer', 'mirror', 'mirror', 'peer', 'peer', 'mirror']

export const scenario: Scenario = {
  id: 'P10',
  title: 'a member catches up ops written while it was offline: from a peer, from a mirror only',
  baseline: 'the same catch-up from a peer member\'s node',
  async run (opts) {
    const ops = opts.quick ? 2_000 : 10_000
    const dir = await tempDir('p10')
    const testnet = await createTestnet(3, { host: '127.0.0.1' })
    const network: NetworkOptions = { bootstrap: testnet.bootstrap, host: '127.0.0.1' }
    const mirrorDir = path.join(dir, 'mirror')
    let mirror = startMirror(mirrorDir, network, opts.childFlags)
    const open: DiscoNode[] = []
    try {
      const key = await announced(mirror)
      const ana = await DiscoNode.create({ storage: path.join(dir, 'ana'), coopName: 'Bench', memberName: 'Ana', network, ackInterval: 100 })
      open.push(ana)
      await ana.joined()
      const { proposal } = await propose(ana, { kind: 'mirrors', addMirror: key })
      await vote(ana, { id: proposal.id, choice: 'yes' })
      for (const name of ORDER.map((side, i) => `${side}${i}`)) {
        const { code } = await invite(ana, { role: 'contributor' })
        const node = await joinCooperative({ storage: path.join(dir, name), code, network, me: name, timeoutMs: 60_000 })
        await until(node, `${name} to use the mirror`, async () => await heldByMirror(node))
        await node.close()
      }

      opts.say(`  P10 Ana writes ${ops.toLocaleString('en')} ops while the others are offline…`)
      await appendOps(ana, ops, 100)
      await until(ana, 'Ana to sign her ops and the mirror to hold them', async () =>
        ana.view.core.signedLength === ana.view.core.length && await heldByMirror(ana))
      const want = await digest(ana)
      const viewLength = ana.view.core.length

      const catchUp = async (name: string, watch: () => Promise<void>): Promise<number> => {
        const start = process.hrtime.bigint()
        const node = await DiscoNode.open({ storage: path.join(dir, name), network, ackInterval: 100 })
        open.push(node)
        try {
          await until(node, `${name} to catch up`, async () => { await watch(); return await digest(node) === want })
          return msSince(start)
        } finally {
          await node.close()
          open.splice(open.indexOf(node), 1)
        }
      }

      // one side's processes up at a time: Ana's node for a peer, the mirror for a mirror
      const boot = (network.bootstrap ?? []).map(b => `${b.host}:${b.port}`).join(',')
      await ana.close()
      open.splice(open.indexOf(ana), 1)
      let up: 'peer' | 'mirror' = 'mirror'
      const procs: { ana: Child | null } = { ana: null }
      const switchTo = async (side: 'peer' | 'mirror'): Promise<void> => {
        if (up === side) return
        if (side === 'peer') {
          await mirror.stop()
          procs.ana = new Child([DISCO_BIN, '--storage', path.join(dir, 'ana'), 'start', '--bootstrap', boot, '--dht-host', '127.0.0.1', '--json'], opts.childFlags)
          await procs.ana.line('Ana\'s disco start to join', eventLine('joined'), 60_000)
        } else {
          await procs.ana?.stop()
          procs.ana = null
          mirror = startMirror(mirrorDir, network, opts.childFlags)
          await announced(mirror)
        }
        up = side
      }
      const times: Record<'peer' | 'mirror', number[]> = { peer: [], mirror: [] }
      let peakRss = 0
      try {
        for (const [i, side] of ORDER.entries()) {
          await switchTo(side)
          const pid = mirror.pid
          const watch = side === 'mirror' ? async () => { peakRss = Math.max(peakRss, await rssBytes(pid).catch(() => 0)) } : async () => {}
          const ms = await catchUp(`${side}${i}`, watch)
          times[side].push(ms)
          opts.say(`  P10 from ${side === 'peer' ? 'a peer' : 'a mirror only'}: ${Math.round(ms)} ms`)
        }
        if (up === 'mirror') peakRss = Math.max(peakRss, await rssBytes(mirror.pid).catch(() => 0))
      } finally {
        await procs.ana?.stop()
      }
      await mirror.stop()
      const disk = await diskBytes(mirrorDir)
      const peerMs = median(times.peer)
      const mirrorMs = median(times.mirror)
      opts.say(`  P10 medians: from a peer ${Math.round(peerMs)} ms, from a mirror only ${Math.round(mirrorMs)} ms, mirror RSS peak ${Math.round(peakRss / MB)} MB`)

      return [{
        metric: `catch up ${ops.toLocaleString('en')} ops from a mirror only`,
        unit: 'ms',
        disco: mirrorMs,
        baseline: peerMs,
        target: { ratioAtMost: 1.5 },
        detail: { ops, viewLength, mirrorKey: key.slice(0, 16), order: ORDER.join(' '), peerRuns: times.peer.map(Math.round), mirrorRuns: times.mirror.map(Math.round) }
      }, {
        metric: '… the mirror\'s resident memory while serving (peak)',
        unit: 'MB',
        disco: peakRss / MB,
        baseline: null,
        target: { none: true }
      }, {
        metric: '… the mirror\'s disk per op',
        unit: 'B',
        disco: disk / ops,
        baseline: null,
        target: { none: true },
        detail: { folderBytes: disk }
      }]
    } finally {
      for (const node of open.reverse()) await node.close().catch(() => {})
      mirror.kill()
      await testnet.destroy()
      await removeDir(dir)
    }
  }
}
