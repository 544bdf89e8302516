import t from 'tap'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DiscoNode } from '../src/node/node.js'
import { ControlServer } from '../src/service/control-server.js'
import { socketLocation } from '../src/service/socket-path.js'
import { bin, discoCli, killAll, root } from './helpers/processes.js'
import type { Run } from './helpers/processes.js'

/**
 * The thin path (bin/cli/thin.ts): a declared command to a running node, from the built binary.
 * It loads none of the full CLI (no commander: that is what makes it fast, bench P13), and it says
 * exactly what the full CLI says — output, --json, errors, exit codes — which DISCO_THIN=0 runs on
 * the same command line against the same node. The node runs in this process (offline), its
 * control socket as `disco start` serves it.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-cli-thin-'))
const storage = path.join(dir, 'ledger')
const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
const server = new ControlServer(node, await socketLocation(storage))
await server.listen()
t.teardown(async () => {
  await killAll()
  await server.close()
  await node.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_DATA_HOME: path.join(dir, 'data') }
delete env.NODE_OPTIONS
const thin = discoCli({ env })
const full = discoCli({ env: { ...env, DISCO_THIN: '0' } })

/**
 * The files of this repository a command loads (an ES module hook logs each one), and the command's
 * run: how to see which path it took without timing it.
 */
async function loads (extraEnv: NodeJS.ProcessEnv, args: string[]): Promise<{ files: string[], run: Run }> {
  const log = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`)
  const hooks = path.join(dir, 'hooks.mjs')
  const register = path.join(dir, 'register.mjs')
  fs.writeFileSync(hooks, "import fs from 'node:fs'\nexport async function load (url, context, next) {\n  if (url.startsWith('file:')) fs.appendFileSync(process.env.DISCO_LOADED_LOG, url + '\\n')\n  return await next(url, context)\n}\n")
  fs.writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
  const run = await new Promise<Run>((resolve, reject) => {
    const started = Date.now()
    execFile(process.execPath, ['--import', register, bin, '--storage', storage, ...args], { env: { ...env, ...extraEnv, DISCO_LOADED_LOG: log }, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err !== null && typeof err.code !== 'number') reject(err)
      else resolve({ exit: err === null ? 0 : err.code as number, stdout, stderr, ms: Date.now() - started })
    })
  })
  const files = fs.readFileSync(log, 'utf8').split('\n').filter(u => u !== '').map(u => fileURLToPath(u)).filter(f => f.startsWith(root))
  return { files, run }
}

// commander's own error code, in its source and in any bundle of it
const hasCommander = (file: string): boolean => fs.readFileSync(file, 'utf8').includes('commander.unknownOption')

t.test('a declared command to the running node loads neither commander nor the full CLI', async t => {
  for (const args of [['balance', '--member', 'Ana', '--json'], ['log', 'love', '1h', '-m', 'through the thin path', '--json'], ['status']]) {
    const { files, run } = await loads({}, args)
    t.equal(run.exit, 0, `${args[0]}: exit 0`, { stderr: run.stderr })
    t.strictSame(files.map(f => path.relative(root, f)), [path.relative(root, bin)], `${args[0]}: one file, the thin entry`)
    t.notOk(files.some(hasCommander), `${args[0]}: no commander`)
  }
  // the same observation sees the full CLI where it runs: help, and DISCO_THIN=0
  for (const [extra, args] of [[{}, ['balance', '--help']], [{ DISCO_THIN: '0' }, ['balance', '--json']]] as Array<[NodeJS.ProcessEnv, string[]]>) {
    const { files } = await loads(extra, args)
    t.ok(files.some(hasCommander), `${args.join(' ')}${extra.DISCO_THIN !== undefined ? ' (DISCO_THIN=0)' : ''}: commander is loaded`)
  }
})

t.test('the thin path says what the full CLI says: output, --json, errors, exit codes', async t => {
  const same = async (args: string[], exit: number): Promise<void> => {
    const a = await thin.run(storage, args)
    const b = await full.run(storage, args)
    t.equal(a.exit, exit, `${args.join(' ')}: exit ${exit}`, { stderr: a.stderr })
    t.strictSame({ exit: a.exit, stdout: a.stdout, stderr: a.stderr }, { exit: b.exit, stdout: b.stdout, stderr: b.stderr }, `${args.join(' ')}: as the full CLI`)
  }
  // a log writes: the first call logs, the two after it (full, thin) answer with that same entry
  const first = await thin.run(storage, ['log', 'care', '45m', '--for', 'person', '-m', 'listened', '--key', 'k1', '--tag', 'a', '--tag=b'])
  t.equal(first.exit, 0, 'logged', { stderr: first.stderr })
  t.match(first.stdout, /^logged: \S+ {2}\d{4}-\d\d-\d\d {2}Ana {2}care 45m {2}"listened"\n$/)
  await same(['log', 'care', '45m', '--for', 'person', '-m', 'listened', '--key', 'k1', '--tag', 'a', '--tag=b'], 0)
  await same(['log', 'care', '45m', '--for', 'person', '-m', 'listened', '--key', 'k1', '--json'], 0)
  await same(['balance'], 0)
  await same(['balance', '--member', 'Ana', '--json'], 0)
  // bad input, refused by the handler in the node: a typed error, exit 2
  await same(['log', 'love', '2x', '-m', 'bad'], 2)
  await same(['log', 'love', '2x', '-m', 'bad', '--json'], 2)
  // the other declared commands: a listing, a refusal
  await same(['entries', '--limit', '1', '--json'], 0)
  await same(['vote', 'abc', 'maybe'], 2)
  // left to the full CLI by the thin path: the same either way
  await same(['log', 'love', '1h', '--confirm', '--confirm-timeout', '0', '--json'], 2)
})
