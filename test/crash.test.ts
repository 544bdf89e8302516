import t from 'tap'
import type { Test } from 'tap'
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { DiscoNode } from '../src/node/node.js'
import { hasConfig } from '../src/node/storage.js'
import { scanDigest } from '../src/consensus/digest.js'
import { getDigest, getEntry, rejectionTotals } from '../src/consensus/queries.js'
import { verify } from '../src/commands/verify.js'
import { prng } from '../bench/prng.js'
import { seedCount, seeds } from './helpers/seeds.js'

/**
 * Crash safety: a child process appends contributions in bursts and prints each acknowledged op
 * id (bench/crash-child.ts, built by `npm test` before tap runs); the test SIGKILLs it after a
 * random number of acknowledged lines, restarts it, and so on. At the end every acknowledged op
 * must be an entry of the ledger, the view's digest must equal a full scan, and `disco verify`
 * (a replay of the signed feeds) must pass.
 *
 * 20 rounds (100 with DISCO_LONG=1). The kill points come from a seeded PRNG, from fixed seeds;
 * DISCO_SEEDS=random draws new ones and DISCO_SEEDS=n replays a run (test/helpers/seeds.ts). The
 * seed is printed at the start and named in every assertion.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const child = path.join(root, 'dist', 'bench', 'crash-child.js')
const ROUNDS = process.env.DISCO_LONG === '1' ? 100 : 20
const OPS_PER_ROUND = 60
const FIXED_SEEDS = [1840613521]


interface Round {
  /** the ids acknowledged on stdout */
  acked: string[]
  /** killed by us (true), or ran to `done` */
  killed: boolean
  lines: number
}

/**
 * One run of the child. `killAt` is the number of acknowledged ops after which to SIGKILL it:
 * -1 kills as soon as it says `start` (while it opens or creates the ledger), Infinity lets it
 * finish. Every ack line read before the pipe closes counts, including those that arrived in
 * the same chunk as the one that triggered the kill.
 */
async function runChild (storage: string, seed: number, killAt: number): Promise<Round> {
  // tap puts its TypeScript loader into NODE_OPTIONS; the child is plain built JavaScript
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const proc = spawn(process.execPath, [child, storage, String(seed), String(OPS_PER_ROUND)], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.setEncoding('utf8')
  proc.stderr.on('data', (d: string) => { stderr += d })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => {
    proc.once('exit', (code, signal) => resolve({ code, signal }))
  })

  const acked: string[] = []
  let lines = 0
  let killed = false
  const kill = (): void => {
    if (killed) return
    killed = true
    proc.kill('SIGKILL')
  }
  const rl = readline.createInterface({ input: proc.stdout, crlfDelay: Infinity })
  for await (const line of rl) {
    lines++
    if (line.startsWith('ack ')) acked.push(line.slice(4))
    if (line === 'start' && killAt === -1) kill()
    if (line.startsWith('ack ') && acked.length >= killAt) kill()
  }
  const { code, signal } = await exited
  if (killed) {
    if (signal !== 'SIGKILL' && code !== 0) throw new Error(`child failed before the kill (exit ${code}): ${stderr}`)
  } else if (code !== 0) {
    throw new Error(`child failed (exit ${code}, signal ${signal}): ${stderr}`)
  }
  return { acked, killed: killed && signal === 'SIGKILL', lines }
}

// each round takes about a second: give the long run the time it needs (tap's default is 120 s)
const RUNS = seedCount(FIXED_SEEDS)
if (ROUNDS > 20 || RUNS > 1) t.setTimeout(Math.max(120_000, ROUNDS * 5_000) * RUNS)

t.test(`SIGKILL at random moments loses no acknowledged op (${ROUNDS} rounds)`, async t => {
  for (const seed of seeds(t, FIXED_SEEDS)) await t.test(`seed ${seed}`, async t => { await crashes(t, seed) })
})

async function crashes (t: Test, SEED: number): Promise<void> {
  const storage = path.join(t.testdir(), 'node')
  const rand = prng(SEED)
  const acked = new Set<string>()
  let kills = 0
  const start = performance.now()

  for (let round = 0; round < ROUNDS; round++) {
    const r = rand()
    // the first run is killed while it creates the ledger; then mostly a kill somewhere in the
    // burst, sometimes while opening, sometimes none
    const killAt = round === 0 || r < 0.1 ? -1 : r < 0.2 ? Infinity : Math.floor(rand() * OPS_PER_ROUND)
    const result = await runChild(storage, Math.floor(rand() * 0x7fffffff), killAt)
    for (const id of result.acked) acked.add(id)
    if (result.killed) kills++
  }
  const ms = performance.now() - start
  t.comment(`${ROUNDS} rounds, ${kills} kills, ${acked.size} acknowledged ops in ${Math.round(ms)} ms`)
  t.ok(acked.size > 0, `some ops were acknowledged (seed ${SEED})`)
  t.ok(await hasConfig(storage), `the ledger was created (seed ${SEED})`)

  const node = await DiscoNode.open({ storage })
  t.teardown(async () => { await node.close() })
  const snap = node.snapshot()
  t.teardown(async () => { await snap.close() })
  const missing: string[] = []
  for (const id of acked) if (await getEntry(snap, id) === null) missing.push(id)
  t.strictSame(missing, [], `every one of the ${acked.size} acknowledged ops is an entry (seed ${SEED})`)
  t.equal(await getDigest(snap), await scanDigest(snap), `the view's digest equals a full scan (seed ${SEED})`)
  t.strictSame(await rejectionTotals(snap), { stored: 0, total: 0 }, `nothing the node wrote was rejected (seed ${SEED})`)
  const verified = await verify(node)
  t.ok(verified.ok, `disco verify passes after the crashes (seed ${SEED})`, { problem: verified.problem, difference: verified.difference })
}
