import t from 'tap'
import type { Test } from 'tap'
import fs from 'node:fs'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { rawSession } from './helpers/raw-socket.js'
import os from 'node:os'
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import { DiscoNode } from '../src/node/node.js'
import { joinCooperative } from '../src/invites/join.js'
import { ControlServer } from '../src/service/control-server.js'
import { socketLocation } from '../src/service/socket-path.js'
import type { ServedStatus } from '../src/service/handlers.js'
import type { ImportOutput } from '../src/commands/import.js'
import type { TimerStatus, TimerStopOutput } from '../src/commands/timer.js'
import type { InviteOutput } from '../src/commands/invite.js'
import type { LogOutput } from '../src/commands/log.js'
import type { EntryView } from '../src/commands/views.js'
import type { DiscoErrorJson } from '../src/errors.js'
import { discoCli, killAll, root, WAIT } from './helpers/processes.js'
import type { NodeProcess, Run } from './helpers/processes.js'

/**
 * `disco start` as an operator runs it: the built binary in the foreground on a loopback testnet,
 * and the other commands, run as separate processes against the same storage folder, served by it
 * over the control socket. Waits are for conditions (a line on stdout, an exit), never sleeps.
 */

const fixture = (name: string): string => path.join(root, 'test', 'fixtures', name)

// A folder of this run's own rather than t.testdir() (whose fixed path another run of this file
// would wipe under a running node), as in cli.test.ts.
const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-service-test-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
const S = path.join(dir, 'ledger')
const HOME = path.join(dir, 'home')
// the node runs in a folder of its own, as under systemd: relative paths given to the CLI must not
// be read relative to it
const NODE_CWD = path.join(dir, 'elsewhere')
for (const d of [HOME, NODE_CWD]) await mkdir(d)
const env: NodeJS.ProcessEnv = { ...process.env, HOME, XDG_DATA_HOME: path.join(HOME, '.local', 'share') }

const testnet = await createTestnet(3, { host: '127.0.0.1' })
t.teardown(async () => { await testnet.destroy() })
const BOOTSTRAP = testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(',')

const cli = discoCli({ env, nodeCwd: NODE_CWD })
const { run, ok, spawnCli } = cli
t.teardown(killAll)

function startNode (t: Test, storage: string, flags = ['--bootstrap', BOOTSTRAP, '--dht-host', '127.0.0.1']): NodeProcess {
  return cli.startNode(t, storage, flags)
}

async function isSocket (file: string): Promise<boolean> {
  try {
    return (await stat(file)).isSocket()
  } catch {
    return false
  }
}

/** A Clockify export of n distinct one-hour rows. */
function bigExport (n: number): string {
  const header = fs.readFileSync(fixture('cli-clockify-ana.csv'), 'utf8').split('\n')[0]
  const rows = Array.from({ length: n }, (_, i) => {
    const day = `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`
    return `"Bulk","","bulk row ${i}","","Ana","Team","ana@example.org","","No","${day}","09:00:00","${day}","10:00:00","01:00:00","1.00","0.00","0.00"`
  })
  return [header, ...rows].join('\n') + '\n'
}

interface EntriesOut { entries: EntryView[] }

// failing commands run through the socket, to compare with the same commands run offline
const failing: Array<{ args: string[], remote: Run }> = []
const FAILING: string[][] = [
  ['log', 'love', '0h'],
  ['log', 'love', '0h', '--json'],
  ['import', fixture('cli-clockify-bad.csv'), '--stream', 'love'],
  ['import', fixture('cli-clockify-bad.csv'), '--stream', 'love', '--json'],
  ['amend', 'ffffffff-9-0', '--duration', '1h'],
  ['entries', '--month', '2026-13', '--json']
]

t.test('init and log offline, then start: the running node serves the other commands', async t => {
  await ok(t, S, ['init', '--name', 'Guerrilla Translation', '--me', 'Ana'])
  await ok<LogOutput>(t, S, ['log', 'love', '1h', '-m', 'logged before the node started', '--date', '2026-10-01'])
  const offline = await ok<ServedStatus>(t, S, ['status'])
  t.equal(offline.running, false, 'status says no node runs')
  t.notOk('peers' in offline, 'and gives no peer count')

  const node = startNode(t, S)
  const ready = await node.ready()
  t.equal(ready.storage, S)
  t.equal(ready.socket, path.join(S, 'disco.sock'), 'the socket is in the storage folder')
  t.equal(ready.network, BOOTSTRAP, 'on the bootstrap given')
  t.equal((await stat(ready.socket)).mode & 0o777, 0o600, 'the socket is 0600')
  t.ok((await stat(ready.socket)).isSocket())
  t.equal((await stat(S)).mode & 0o777, 0o700, 'in a 0700 folder')

  const s = await ok<ServedStatus>(t, S, ['status'])
  t.equal(s.running, true, 'status --json: running')
  t.equal(typeof s.peers, 'number', 'status --json: peers')
  t.equal(s.ledger, offline.ledger)
  const text = await run(S, ['status'])
  t.match(text.stdout, /^node: +running \(disco start\), \d+ peers?\n/, 'status for people says a node runs')

  const logged = await ok<LogOutput>(t, S, ['log', 'care', '45m', '--for', 'person', '-m', 'logged through the socket', '--date', '2026-10-02'])
  t.equal(logged.entry.description, 'logged through the socket')
  const list = await ok<EntriesOut>(t, S, ['entries'])
  t.same(list.entries.map(e => e.description), ['logged before the node started', 'logged through the socket'])

  const after = await ok<ServedStatus>(t, S, ['status'])
  await node.waitFor('a status line with the new length', e => e.type === 'status' && e.length >= after.length)
  t.pass('the node printed a status line for the change')

  t.test('an import through the socket reports its progress', async t => {
    // a relative path: read from the caller's folder, not the node's
    const rel = path.relative(root, fixture('cli-clockify-ana.csv'))
    const out = await ok<ImportOutput>(t, S, ['import', rel, '--stream', 'love'], { stderr: /^imported 3\/3 rows\n$/ })
    t.equal(out.imported, 3)
    t.equal(out.file, fixture('cli-clockify-ana.csv'), 'the file, as an absolute path')
    const again = await ok<ImportOutput>(t, S, ['import', rel, '--stream', 'love'], { stderr: /^$/ })
    t.equal(again.alreadyImported, 3, 'a re-run through the socket adds nothing')
  })

  t.test('the timer through the socket: the running node serves it from the same folder', async t => {
    const started = await ok<TimerStatus>(t, S, ['timer', 'start', 'care', '-m', 'timed through the node'])
    t.equal(started.running, true)
    t.equal((await stat(path.join(S, 'timer.json'))).isFile(), true, 'the timer is the storage folder\'s file')
    const twice = await run(S, ['timer', 'start', 'love', '--json'])
    t.equal(JSON.parse(twice.stdout).error.code, 'TIMER_RUNNING', 'one at a time, through the node too')
    // a minute and a half ago, as the file would say after a restart
    const file = path.join(S, 'timer.json')
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { started: number }
    fs.writeFileSync(file, JSON.stringify({ ...state, started: state.started - 90_000 }))
    const stopped = await ok<TimerStopOutput>(t, S, ['timer', 'stop'])
    t.match(stopped.logged?.entry, { stream: 'care', minutes: 2, description: 'timed through the node' }, '1 min 30 s rounds to 2 minutes')
    t.equal((await ok<TimerStatus>(t, S, ['timer', 'status'])).running, false)
  })

  t.test('errors through the socket keep their code, message and exit code', async t => {
    for (const args of FAILING) failing.push({ args, remote: await run(S, args) })
    const [zero, zeroJson, bad, badJson, amend, month] = failing.map(f => f.remote)
    t.equal(zero?.exit, 2)
    t.equal(zero?.stderr, 'disco: invalid duration "0h": must be at least one minute\n')
    t.equal(zero?.stdout, '')
    t.equal(zeroJson?.exit, 2)
    t.same(JSON.parse(zeroJson?.stdout ?? ''), { error: { code: 'INVALID_DURATION', message: 'invalid duration "0h": must be at least one minute' } })
    t.equal(bad?.exit, 2)
    t.match(bad?.stderr, /^disco: 1 bad row, nothing imported[^\n]*\n {2}line 3: [^\n]+\n$/, 'the bad row, with its line (the colleague\'s row is no error)')
    const body = JSON.parse(badJson?.stdout ?? '') as { error: DiscoErrorJson }
    t.equal(body.error.code, 'BAD_ROWS')
    t.equal(body.error.rows?.length, 1)
    t.equal(typeof body.error.rows?.[0]?.line, 'number', 'rows keep their line numbers')
    t.ok(amend !== undefined && amend.exit !== 0, 'amending an unknown entry fails')
    t.equal(month?.exit, 2)
    t.equal((JSON.parse(month?.stdout ?? '') as { error: DiscoErrorJson }).error.code, 'INVALID_MONTH')
    for (const f of failing) t.notMatch(f.remote.stderr, /\n\s+at |\.js:\d+:\d+/, `disco ${f.args.join(' ')}: no stack trace`)
  })

  t.test('the raw protocol: one JSON line a request, answers by id', async t => {
    const answers = await rawSession(ready.socket, [
      'not json',
      JSON.stringify({ id: 7, command: 'nope', input: {} }),
      JSON.stringify({ id: 'e', command: 'log', input: { stream: 'love', duration: '0h' } }),
      JSON.stringify({ id: 's', command: 'status', input: {} })
    ], 4)
    const byId = new Map(answers.map(a => [a.id, a]))
    t.match(byId.get(null), { error: { code: 'BAD_REQUEST', kind: 'input' } })
    t.match(byId.get(7), { error: { code: 'UNKNOWN_COMMAND', kind: 'state' } })
    t.match(byId.get('e'), { error: { code: 'INVALID_DURATION', kind: 'input' } })
    t.match(byId.get('s'), { result: { running: true, ledger: offline.ledger } })
  })

  t.test('the running node answers an invite, and shows the new peer and member', async t => {
    const [answer] = await rawSession(ready.socket, [JSON.stringify({ id: 1, command: 'invite', input: { role: 'contributor' } })], 1)
    const code = (answer?.result as InviteOutput | undefined)?.code
    t.type(code, 'string', 'an invite code through the socket')
    const bo = await joinCooperative({
      storage: path.join(dir, 'bo'),
      code: code!,
      network: { bootstrap: testnet.bootstrap, host: '127.0.0.1' },
      me: 'Bo',
      timeoutMs: WAIT
    })
    t.teardown(() => bo.close())
    await node.waitFor('a status line with the new member and a peer', e => e.type === 'status' && e.members === 2 && e.peers >= 1)
    const s = await ok<ServedStatus>(t, S, ['status'])
    t.ok((s.peers ?? 0) >= 1, 'status --json counts the peer', { peers: s.peers })
    t.equal(s.members, 2)
  })

  t.test('a second start on the same storage gets STORE_BUSY and leaves the first alone', async t => {
    const second = await run(S, ['start', '--bootstrap', BOOTSTRAP, '--dht-host', '127.0.0.1'])
    t.equal(second.exit, 1)
    t.equal(second.stderr, `disco: ${S} is in use by another disco process\n`)
    const json = await run(S, ['start', '--bootstrap', BOOTSTRAP, '--dht-host', '127.0.0.1', '--json'])
    t.equal(json.exit, 1)
    t.equal((JSON.parse(json.stdout) as { error: DiscoErrorJson }).error.code, 'STORE_BUSY')
    t.ok(await isSocket(ready.socket), 'the socket is still there')
    t.equal((await ok<ServedStatus>(t, S, ['status'])).running, true, 'and still answers')
  })

  t.test('SIGTERM during an import: the import finishes, the node stops cleanly, exit 0', async t => {
    const big = path.join(dir, 'big.csv')
    fs.writeFileSync(big, bigExport(5000))
    const importing = spawnCli(S, ['import', big, '--stream', 'love', '--json'])
    await importing.stderrHas(/imported 1000\/5000 rows/)
    node.proc.kill('SIGTERM')
    const imported = await importing.done
    t.equal(imported.exit, 0, 'the import under way completes', { stderr: imported.stderr })
    t.equal((JSON.parse(imported.stdout) as ImportOutput).imported, 5000)
    t.match(imported.stderr, /imported 5000\/5000 rows\n$/)
    t.same(await node.exited, { code: 0, signal: null }, 'exit 0')
    t.equal(node.events.at(-1)?.type, 'stopped', 'the last line says it stopped')
    t.match(node.events.find(e => e.type === 'stopping'), { signal: 'SIGTERM', commands: 1 }, 'it waited for the import')
    t.same(node.badLines, [], 'with --json, every stdout line is a JSON object')
    t.equal(node.stderr, '', 'nothing on stderr')
    t.notOk(await isSocket(ready.socket), 'the socket is removed')

    const status = node.events.filter(e => e.type === 'status')
    const gaps = status.slice(1).map((e, i) => Date.parse(e.time) - Date.parse(status[i]!.time))
    t.ok(gaps.every(g => g >= 990), 'at most one status line a second', { gaps })

    const s = await ok<ServedStatus>(t, S, ['status'])
    t.equal(s.running, false, 'status after the stop: not running')
    const list = await ok<EntriesOut>(t, S, ['entries'])
    t.equal(list.entries.length, 5006, 'every entry logged through the node is there offline (2 logged, 3 imported, 1 timed, 5000 in bulk)')

    for (const { args, remote } of failing) {
      const local = await run(S, args)
      t.same({ exit: local.exit, stdout: local.stdout, stderr: local.stderr }, { exit: remote.exit, stdout: remote.stdout, stderr: remote.stderr },
        `disco ${args.join(' ')}: the same output offline as through the socket`)
    }
  })
})

t.test('a stale socket stops neither the next start nor an offline command', async t => {
  const first = startNode(t, S)
  const ready = await first.ready()
  await ok<LogOutput>(t, S, ['log', 'love', '20m', '-m', 'just before the crash', '--date', '2026-10-03'])
  first.proc.kill('SIGKILL')
  await first.exited
  t.ok(await isSocket(ready.socket), 'a killed node leaves its socket behind')

  const second = startNode(t, S)
  await second.ready()
  const s = await ok<ServedStatus>(t, S, ['status'])
  t.equal(s.running, true, 'the next start replaced it')
  const list = await ok<EntriesOut>(t, S, ['entries'])
  t.ok(list.entries.some(e => e.description === 'just before the crash'), 'what was logged before the kill is there')
  second.proc.kill('SIGKILL')
  await second.exited
  t.ok(await isSocket(ready.socket), 'stale again')

  const offline = await ok<ServedStatus>(t, S, ['status'])
  t.equal(offline.running, false, 'an offline command opens the store itself')
  t.notOk(await isSocket(ready.socket), 'and, holding the store, tidies the stale socket away')
  t.equal((await ok<EntriesOut>(t, S, ['entries'])).entries.length, 5007)

  // a stale file that is not even a socket
  fs.writeFileSync(ready.socket, '')
  t.equal((await ok<ServedStatus>(t, S, ['status'])).running, false, 'a plain file where the socket goes: opened offline')
})

t.test('a node between taking the store and listening: the CLI waits for its socket', async t => {
  // This test holds the store the way a starting node does, and listens only once the CLI has
  // tried to open the store itself (it makes the folder owner-only first: a change in its parent).
  const node = await DiscoNode.open({ storage: S })
  t.teardown(() => node.close())
  const touched = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { watcher.close(); reject(new Error('the CLI never tried to open the store')) }, WAIT)
    const watcher = fs.watch(dir, (_event, name) => {
      if (name === path.basename(S)) { clearTimeout(timer); watcher.close(); resolve() }
    })
  })
  const call = run(S, ['status', '--json'])
  await touched
  const server = new ControlServer(node, await socketLocation(S))
  await server.listen()
  const r = await call
  t.equal(r.exit, 0, 'the call succeeds', { stderr: r.stderr })
  t.equal((JSON.parse(r.stdout) as ServedStatus).running, true, 'served through the socket after STORE_BUSY')
  await server.close()

  // and when no socket comes, the wait is bounded and ends with the clear error
  const busy = await run(S, ['status'])
  t.equal(busy.exit, 1)
  t.equal(busy.stderr, `disco: ${S} is in use by another disco process\n`)
  t.ok(busy.ms >= 2900 && busy.ms < 15_000, 'after waiting about 3 s for a socket', { ms: busy.ms })
})

t.test('a storage path too long for a socket: the socket goes to the temp folder', async t => {
  const deep = path.join(dir, 'a-storage-folder-with-a-long-name-'.repeat(2), 'and-another-one-to-pass-the-limit-of-sun-path')
  t.ok(Buffer.byteLength(path.join(deep, 'disco.sock')) > 107, 'the path is over the limit')
  await ok(t, deep, ['init', '--name', 'Deep', '--me', 'Cy'])
  // this one takes its private network from config.json instead of --bootstrap
  const configFile = path.join(deep, 'config.json')
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>
  fs.writeFileSync(configFile, JSON.stringify({ ...config, bootstrap: 'not-a-peer' }))
  const bad = await run(deep, ['start', '--dht-host', '127.0.0.1', '--json'])
  t.equal(bad.exit, 1)
  t.match(JSON.parse(bad.stdout), { error: { code: 'BAD_CONFIG', message: /config\.json: "bootstrap": bootstrap peer "not-a-peer" is not host:port/ } }, 'a bad "bootstrap" is a clear BAD_CONFIG')
  fs.writeFileSync(configFile, JSON.stringify({ ...config, bootstrap: BOOTSTRAP }))
  const node = startNode(t, deep, ['--dht-host', '127.0.0.1'])
  const ready = await node.ready()
  t.equal(ready.network, BOOTSTRAP, 'config.json "bootstrap" is used when no --bootstrap is given')
  t.equal(path.dirname(path.dirname(ready.socket)), os.tmpdir(), 'in the temp folder')
  t.equal((await stat(path.dirname(ready.socket))).mode & 0o777, 0o700, 'in a folder of its own, 0700')
  t.equal((await stat(ready.socket)).mode & 0o777, 0o600)
  t.ok(Buffer.byteLength(ready.socket) <= 103)
  t.equal((await ok<ServedStatus>(t, deep, ['status'])).running, true, 'the CLI finds it')
  await ok<LogOutput>(t, deep, ['log', 'love', '1h', '-m', 'deep'])
  node.proc.kill('SIGTERM')
  t.same(await node.exited, { code: 0, signal: null })
  t.notOk(fs.existsSync(path.dirname(ready.socket)), 'the socket and its folder are removed')
  t.equal((await ok<EntriesOut>(t, deep, ['entries'])).entries.length, 1)
})
