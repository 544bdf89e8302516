/**
 * P11 at one size, one side or both, for looking into a converge or heal that does not finish:
 *
 *   node dist/bench/writers-heal.js --writers 5 [--side disco|raw|both] [--timeout 120] [--runs 1] [--setup-only | --no-heal]
 *
 * Prints the signed and view lengths of every node every 10 s while it runs, and when a wait
 * times out every node's state (view length, signed length, the tree hash and the digest there,
 * autobase's system lengths and heads; for a setup, also each member's admission, name and
 * fast-forwards as its node sees them, and which nodes store its log) and whether two nodes differ
 * at an equal signed length (a divergence). `--setup-only` ends each run after the setup,
 * `--no-heal` after the converge. With both sides, the runs take turns (disco, raw, disco, ...).
 * Exits 1 on a divergence. Not a scenario of `npm run bench` (its name does not start with p<N>-).
 * With P11_SIGNING=1, whenever every view has one length and some node is unsigned, each progress
 * line is followed by one line a node on where it stands on the indexers' signatures and how long
 * its update loop has run (`signingLines`); P11_PROGRESS_MS sets the progress interval (10,000).
 * Every node's state (with its autobase update loop, `loopState`) is printed without ending the run
 * on SIGUSR2, and once when P11_STALL_S is set and some node's view stood still that many seconds
 * while another's is longer.
 */
import { discoCluster, rawCluster, runSide } from './p11-writers.js'
import type { Run } from './p11-writers.js'

const argv = process.argv.slice(2)
const value = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`)
  return i === -1 ? fallback : argv[i + 1] ?? fallback
}
const writers = Number(value('writers', '5'))
const side = value('side', 'both')
const timeoutMs = Number(value('timeout', '120')) * 1000
const runs = Number(value('runs', '1'))
const stopAfter = argv.includes('--setup-only') ? 'setup' : argv.includes('--no-heal') ? 'converge' : null
if (!Number.isInteger(writers) || writers < 2 || !['disco', 'raw', 'both'].includes(side) || !(timeoutMs > 0) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: writers-heal.js --writers N (≥ 2) [--side disco|raw|both] [--timeout seconds] [--runs R] [--setup-only | --no-heal]\n')
  process.exit(2)
}

const say = (line: string): void => { process.stderr.write(line + '\n') }
const fmt = (ms: number | null): string => ms === null ? 'none' : `${(ms / 1000).toFixed(1)} s`
const sides = side === 'both' ? ['disco', 'raw'] : [side]
let divergent = false
const results: Record<string, Run[]> = { disco: [], raw: [] }
for (let r = 0; r < runs; r++) {
  for (const s of sides) {
    say(`${s}, ${writers} writers, run ${r + 1}:`)
    const run = await runSide(s === 'disco' ? discoCluster : rawCluster, writers, timeoutMs, say, stopAfter)
    results[s]!.push(run)
    say(`  setup ${fmt(run.setupMs)}, converge ${fmt(run.convergeMs)}, heal ${fmt(run.healMs)}, re-applied ${run.reapplied.converge} + ${run.reapplied.heal}, waited on signatures alone ${fmt(run.signingTailMs.converge)} + ${fmt(run.signingTailMs.heal)}, ${Math.round(run.peakRssPerNodeMB)} MB a node${run.error !== undefined ? `; ${run.error}` : ''}`)
    for (const line of run.states ?? []) say(line)
    if (run.divergent === true) divergent = true
  }
}
process.stdout.write(JSON.stringify({ writers, results }) + '\n')
process.exit(divergent ? 1 : 0)
