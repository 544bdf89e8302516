import t from 'tap'
import type { Test } from 'tap'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import Corestore from 'corestore'
import { digestOf, folder, founder, joiner, testnet } from './helpers/cluster.js'
import { adoptMirror, heldByMirrors, mirrorOn, reopen, until } from './helpers/mirrors.js'
import { contribution, frame } from './helpers/ops.js'
import { bin, discoCli, killAll } from './helpers/processes.js'
import type { NetworkOptions } from '../src/net/swarm.js'
import type { MirrorEvent } from '../src/mirror/run.js'
import { propose } from '../src/commands/propose.js'
import { validateOp } from '../src/ledger/validate.js'
import { decodeFrame } from '../src/ledger/codec.js'
import { listProposals } from '../src/consensus/queries.js'
import { statusLine } from '../src/mirror/run.js'
import { DiscoError } from '../src/errors.js'
import type { DiscoNode } from '../src/node/node.js'

/**
 * `disco mirror` as an operator runs it (a separate process, the real blind-peer): killed with
 * SIGKILL while a member's node hands it blocks, restarted on its folder, it finishes the sync under
 * the same key. And bad input: keys that are none, a mirror nobody runs, a mirror at its size cap,
 * a mirror in a node's folder or handed a key. Every wait is on a condition with a deadline.
 */

t.teardown(killAll)

class MirrorProcess {
  readonly events: MirrorEvent[] = []
  readonly proc: ChildProcess
  stderr = ''
  constructor (t: Test, storage: string, network: NetworkOptions, extra: string[] = []) {
    const boot = (network.bootstrap ?? []).map(b => `${b.host}:${b.port}`).join(',')
    this.proc = spawn('env', ['-u', 'NODE_OPTIONS', process.execPath, bin, 'mirror', '--storage', storage, '--json',
      '--bootstrap', boot, '--dht-host', '127.0.0.1', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] })
    let buf = ''
    this.proc.stdout!.setEncoding('utf8').on('data', (c: string) => {
      buf += c
      let nl
      while ((nl = buf.indexOf('\n')) !== -1) {
        this.events.push(JSON.parse(buf.slice(0, nl)) as MirrorEvent)
        buf = buf.slice(nl + 1)
      }
    })
    this.proc.stderr!.setEncoding('utf8').on('data', (c: string) => { this.stderr += c })
    t.teardown(() => { if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL') })
  }

  async waitFor (what: string, match: (e: MirrorEvent) => boolean, timeoutMs = 20_000): Promise<MirrorEvent> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.events.find(match)
      if (found !== undefined) return found
      if (this.proc.exitCode !== null) throw new Error(`disco mirror exited before ${what}: ${this.stderr}`)
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(this.events)} ${this.stderr}`)
      await new Promise<void>(resolve => { this.proc.stdout!.once('data', () => resolve()); setTimeout(resolve, 200) })
    }
  }

  async kill9 (): Promise<void> {
    const gone = new Promise(resolve => this.proc.once('exit', resolve))
    this.proc.kill('SIGKILL')
    await gone
  }
}

async function proposalCount (node: DiscoNode): Promise<number> {
  const snap = node.snapshot()
  try { return (await listProposals(snap)).length } finally { await snap.close() }
}

const announced = (e: MirrorEvent): boolean => e.type !== 'stopped' && e.listening

t.test('a mirror killed with SIGKILL while a node hands it blocks restarts under its key and the sync completes', async t => {
  const network = await testnet(t)
  const storage = folder(t, 'mirror')
  const m1 = new MirrorProcess(t, storage, network)
  const ready = await m1.waitFor('the mirror to be announced', announced)
  const key = (ready as { key: string }).key
  t.match(key, /^[0-9a-f]{64}$/, 'the mirror prints its key')

  const ana = await founder(t, network, 'Ana')
  const bo = await joiner(t, network, ana, 'Bo')
  await adoptMirror([ana], key)
  await heldByMirrors(bo)
  await bo.close()

  // Ana writes on and on; the mirror dies as soon as it holds some of it
  let writing = true
  let batches = 0
  const writer = (async () => {
    while (writing) {
      await ana.append(Array.from({ length: 50 }, (_, i) => contribution({ description: `batch ${batches} op ${i}`, minutes: 1 + i })))
      batches++
    }
  })()
  await m1.waitFor('the mirror to receive blocks', e => e.type === 'status' && e.bytes > 2000)
  await m1.kill9()
  writing = false
  await writer
  await ana.append([contribution({ description: 'written while the mirror was down' })])
  t.ok(batches > 0, `Ana wrote ${batches} batches around the kill`)

  const m2 = new MirrorProcess(t, storage, network)
  const again = await m2.waitFor('the restarted mirror to be announced', announced)
  t.equal((again as { key: string }).key, key, 'the same key after the restart')
  await heldByMirrors(ana, 60_000)
  await until('Ana to sign her writes', [ana], () => ana.view.core.signedLength === ana.view.core.length)
  await heldByMirrors(ana, 60_000)
  const digest = await digestOf(ana)
  await ana.close()

  const bo2 = await reopen(t, network, 'Bo')
  await until('Bo to get all of Ana\'s writes from the restarted mirror', [bo2], async () => await digestOf(bo2) === digest, 60_000)
  t.equal(bo2.peers, 0, 'from the mirror alone')
  t.pass('the sync completed after the restart')
})

t.test('bad input: keys that are none, a mirror nobody runs, a mirror at its size cap, a mirror in a node folder or handed a key', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network, 'Ana')
  const before = await proposalCount(ana)

  // keys that are not mirror keys: clear errors (exit 2 on the CLI), nothing appended
  for (const bad of ['nothex', 'ab'.repeat(31), '00'.repeat(32)]) {
    const err = await propose(ana, { kind: 'mirrors', addMirror: bad }).catch((e: unknown) => e)
    t.ok(err instanceof DiscoError && err.code === 'INVALID_MIRROR_KEY' && err.kind === 'input', `"${bad.slice(0, 12)}…" is refused as no mirror key`)
  }
  t.equal(await proposalCount(ana), before, 'nothing was appended')
  // a peer's op naming 32 bytes that are no key is refused like any bad op (apply validates it)
  t.throws(() => validateOp({ type: 'propose', action: { kind: 'mirrors', keys: [b4a.alloc(32)] }, text: '', audience: 'members', deadline: 0 }), { code: 'INVALID_FIELD' })
  const good = crypto.keyPair().publicKey
  const op = { type: 'propose' as const, action: { kind: 'mirrors' as const, keys: [good] }, text: '', audience: 'members' as const, deadline: 0 }
  validateOp(op)
  t.same(decodeFrame(frame([op])).ops[0], op, 'a mirrors proposal goes over the wire and back')

  // a mirror nobody runs: the proposal passes (nothing can tell), status says "not reached" at once
  await adoptMirror([ana], b4a.toString(good, 'hex'))
  const started = Date.now()
  t.same(await ana.mirrors(), [{ key: b4a.toString(good, 'hex'), reached: false, behind: null }], 'not reached')
  t.ok(Date.now() - started < 1000, 'status answers at once, without waiting on the mirror')
  await ana.append([contribution({ description: 'still writing' })])

  // a mirror at its size cap (4 KiB): it says so in its status, and the node's status still answers
  const small = await mirrorOn(t, network, 'small', 4096)
  await adoptMirror([ana], small.key)
  await ana.append(Array.from({ length: 300 }, (_, i) => contribution({ description: `filler ${i}`, minutes: 1 + i })))
  // blind-peer writes down what it holds, and clears past its cap, every 10 s
  await until('the small mirror to reach its cap', [ana], () => small.status().full, 40_000)
  t.match(statusLine(small.status()), /AT ITS SIZE CAP/, 'the operator is told')
  const states = await ana.mirrors()
  t.equal(states.length, 2, 'the node still lists both mirrors')

  // a mirror cannot be given the ledger's key, nor run where a node keeps it
  const cli = discoCli({ env: process.env })
  const handed = await cli.run(folder(t, 'm'), ['mirror', '--encryption-key', '00', '--json'])
  t.equal(handed.exit, 2, 'disco mirror takes no key')
  const inNode = await cli.run(ana.storage, ['mirror', '--json'])
  t.equal(inNode.exit, 2, 'disco mirror refuses a member\'s node folder')
  t.match(inNode.stdout, /member's node folder/)
  const size = await cli.run(folder(t, 'm'), ['mirror', '--max-size', 'lots', '--json'])
  t.equal(size.exit, 2, 'a size that is none is refused')
  t.match(size.stdout, /not a size/)
})

t.test('a mirror holds no core it can write: it cannot add entries or sign', async t => {
  const network = await testnet(t)
  const mirror = await mirrorOn(t, network, 'mirror')
  const ana = await founder(t, network, 'Ana')
  await adoptMirror([ana], mirror.key)
  await ana.append([contribution({ description: 'kept by the mirror' })])
  await until('Ana to sign her writes', [ana], () => ana.view.core.signedLength === ana.view.core.length)
  await heldByMirrors(ana)
  const ledgerCores = [ana.base.local.key, ana.base.core.key, ana.view.core.key]
  // it is no device of the ledger, so no proposal can make it an indexer
  const err = await propose(ana, { kind: 'indexers', devices: [mirror.key] }).catch((e: unknown) => e)
  t.ok(err instanceof DiscoError, 'the mirror cannot be named an indexer: it is no device')
  await mirror.close()

  const store = new Corestore(path.join(folder(t, 'mirror'), 'blind-peer'))
  t.teardown(() => store.close())
  for (const key of ledgerCores) {
    const core = store.get({ key })
    await core.ready()
    t.ok(core.length > 0, `the mirror holds core ${b4a.toString(key, 'hex').slice(0, 8)}`)
    t.equal(core.writable, false, 'and has no key to write or sign it')
  }
})
