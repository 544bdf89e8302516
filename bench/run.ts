/**
 * `npm run bench`: every scenario (bench/p<N>-*.ts, found by name) against the raw stack it is
 * built on, the raw side doing the same work (fixtures.ts, rawBase), each pair measured in this one
 * run on this machine, repetitions of the two sides taking turns (harness.ts, interleave). Read the
 * ratios: absolute figures move with the machine and its load.
 *
 *   npm run bench                      the full suite (P11 at 10, 20 and 50 writers makes it long)
 *   npm run bench -- --quick           small sizes, P11 at 10 writers; `npm run bench --quick` works too
 *   npm run bench -- --json            JSON on stdout (progress goes to stderr)
 *   npm run bench -- --only P1,P7      some scenarios
 *   npm run bench -- --pi              then P1, P7 and P12–P15 again on one core with a 256 MB heap
 *
 * Adding a scenario: a new file bench/p<N>-<name>.ts that exports `scenario: Scenario`.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { table, toRow } from './harness.js'
import type { BenchOptions, Row, Scenario } from './harness.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const argv = process.argv.slice(2)
// npm swallows flags put before `--` and hands them over as npm_config_<name>
const flag = (name: string): boolean => argv.includes(`--${name}`) || (process.env[`npm_config_${name}`] ?? '') === 'true'
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`)
  return i === -1 ? undefined : argv[i + 1]
}

const quick = flag('quick')
const json = flag('json')
const pi = flag('pi')
const only = value('only')?.toUpperCase().split(',')
/** set by the --pi parent: the heap cap for the node processes a scenario spawns */
const childFlags = (process.env.DISCO_BENCH_CHILD_FLAGS ?? '').split(' ').filter(f => f !== '')

// P12–P15: what a member waits on, on one core
const PI_SCENARIOS = ['P1', 'P7', 'P12', 'P13', 'P14', 'P15']
const PI_HEAP_MB = 256
/** with --only, the Pi stand-in runs only those of them */
const piScenarios = PI_SCENARIOS.filter(id => only === undefined || only.includes(id))

async function scenarios (): Promise<Scenario[]> {
  const files = (await fs.readdir(HERE)).filter(f => /^p\d+-.*\.js$/.test(f))
  files.sort((a, b) => Number(/^p(\d+)/.exec(a)?.[1]) - Number(/^p(\d+)/.exec(b)?.[1]))
  const found: Scenario[] = []
  for (const f of files) {
    const mod = await import(path.join(HERE, f)) as { scenario?: Scenario }
    if (mod.scenario === undefined) throw new Error(`bench/${f} exports no scenario`)
    found.push(mod.scenario)
  }
  return found.filter(s => only === undefined || only.includes(s.id))
}

const opts: BenchOptions = {
  quick,
  childFlags,
  say: line => { process.stderr.write(line + '\n') }
}

const started = Date.now()
const rows: Row[] = []
const failures: Array<{ id: string, error: string }> = []
for (const s of await scenarios()) {
  opts.say(`${s.id} ${s.title}…`)
  try {
    for (const m of await s.run(opts)) rows.push(toRow(s, m))
  } catch (err) {
    // one scenario that breaks must not hide the others' figures
    failures.push({ id: s.id, error: String((err as Error)?.stack ?? err) })
    opts.say(`${s.id} FAILED: ${String((err as Error)?.message ?? err)}`)
  }
}

let piRows: Row[] | null = null
if (pi) {
  opts.say(`Raspberry Pi stand-in: ${piScenarios.join(', ')} on one core (taskset -c 0) with --max-old-space-size=${PI_HEAP_MB}…`)
  piRows = await runPiStandIn()
}

const seconds = Math.round((Date.now() - started) / 1000)
const environment = { node: process.version, cpus: (await import('node:os')).cpus().length, quick, seconds }
if (json) {
  console.log(JSON.stringify({ environment, rows, pi: piRows, failures }, null, 2))
} else {
  console.log(`\ndisco against the raw stack, ${quick ? 'quick' : 'full'} run, ${seconds} s, Node ${process.version}, ${environment.cpus} cores (medians; ratio = disco / raw)\n`)
  console.log(table(rows))
  if (piRows !== null) console.log(`\nRaspberry Pi stand-in (one core, ${PI_HEAP_MB} MB heap):\n\n${table(piRows)}`)
  for (const f of failures) console.log(`\n${f.id} failed:\n${f.error}`)
}
if (failures.length > 0) process.exitCode = 1

/** The Pi scenarios again in a child pinned to one core with a capped heap; the nodes it spawns inherit both. */
async function runPiStandIn (): Promise<Row[]> {
  const flags = [`--max-old-space-size=${PI_HEAP_MB}`]
  const args = ['-c', '0', process.execPath, ...flags, fileURLToPath(import.meta.url), '--json', '--only', piScenarios.join(','), ...(quick ? ['--quick'] : [])]
  const env = { ...process.env, DISCO_BENCH_CHILD_FLAGS: flags.join(' '), npm_config_pi: '', npm_config_json: '' }
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile('taskset', args, { env, maxBuffer: 16 * 2 ** 20 }, (err, out) => {
      if (err !== null) reject(err)
      else resolve(out)
    })
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  })
  const result = JSON.parse(stdout) as { rows: Row[], failures: Array<{ id: string, error: string }> }
  for (const f of result.failures) failures.push({ id: `${f.id} (Pi stand-in)`, error: f.error })
  return result.rows
}
