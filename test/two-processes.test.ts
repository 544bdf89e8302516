import t from 'tap'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import type { ServedStatus } from '../src/service/handlers.js'
import type { InviteOutput } from '../src/commands/invite.js'
import type { LogOutput } from '../src/commands/log.js'
import type { StatusOutput } from '../src/commands/status.js'
import type { EntryView } from '../src/commands/views.js'
import type { Member } from '../src/ledger/members.js'
import type { DiscoErrorJson } from '../src/errors.js'
import { discoCli, killAll, WAIT } from './helpers/processes.js'

/**
 * Two real `disco` processes, started as the README says, pair and converge: A founds the ledger
 * and runs `disco start`; an invite made through A's socket lets B `disco join` (which saves the
 * private network's bootstrap in B's config.json) and then `disco start` with no --bootstrap. Each
 * logs through its own node; both come to show both entries and the same digest. A reused code is
 * refused; SIGTERM stops both cleanly, and B's entries are on disk. Every wait is on a condition
 * (a line on stdout, an exit, a poll of the CLI with a deadline), never a sleep.
 */

const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-two-processes-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
const HOME = path.join(dir, 'home')
await mkdir(HOME)
const env: NodeJS.ProcessEnv = { ...process.env, HOME, XDG_DATA_HOME: path.join(HOME, '.local', 'share') }
const [A, B, C] = ['a', 'b', 'c'].map(n => path.join(dir, n)) as [string, string, string]

const testnet = await createTestnet(3, { host: '127.0.0.1' })
t.teardown(async () => { await testnet.destroy() })
const BOOTSTRAP = testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(',')
const NET = ['--bootstrap', BOOTSTRAP, '--dht-host', '127.0.0.1']

const { run, ok, startNode } = discoCli({ env })
// every child, even if an assertion threw half-way (the nodes' own teardowns SIGKILL them too)
t.teardown(killAll)

interface EntriesOut { entries: EntryView[] }

/** A --json call for polling: no assertion per try, but a failed call fails the wait. */
async function json<T> (storage: string, args: string[]): Promise<T> {
  const r = await run(storage, [...args, '--json'])
  if (r.exit !== 0 || r.stderr !== '') throw new Error(`disco ${args.join(' ')} exited ${r.exit}: ${r.stdout}${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

/** Poll `check` back to back until it returns a value, or fail with the last thing it saw. */
async function until<T> (what: string, check: () => Promise<{ done: T } | { seen: unknown }>, timeoutMs = WAIT): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let seen: unknown
  for (;;) {
    const r = await check()
    if ('done' in r) return r.done
    seen = r.seen
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(seen)}`)
  }
}

t.test('two disco processes pair with an invite and converge', async t => {
  const started = Date.now()
  await ok(t, A, ['init', '--name', 'Coop', '--me', 'Ana'])
  const a = startNode(t, A, NET)
  const readyA = await a.ready()
  t.equal(readyA.network, BOOTSTRAP, 'A is on the testnet')

  // A's node holds the store, so this goes through its control socket (offline it would be STORE_BUSY)
  const inv = await ok<InviteOutput>(t, A, ['invite', '--role', 'contributor'])
  t.equal(inv.role, 'contributor')
  t.type(inv.code, 'string', 'an invite code')

  const joined = await ok<StatusOutput>(t, B, ['join', inv.code, '--me', 'Bo', ...NET], { stderr: /join: admitted/ })
  t.equal(joined.cooperative, 'Coop', 'B joined the cooperative')
  t.match(joined.member, { name: 'Bo', role: 'contributor' }, 'as Bo, a contributor')
  t.equal(joined.ledger, readyA.ledger, 'the same ledger as A')
  const config = JSON.parse(await readFile(path.join(B, 'config.json'), 'utf8')) as { bootstrap?: string }
  t.equal(config.bootstrap, BOOTSTRAP, 'join saved the private network in config.json')

  // no --bootstrap: the network comes from config.json
  const b = startNode(t, B, ['--dht-host', '127.0.0.1'])
  const readyB = await b.ready()
  t.equal(readyB.network, BOOTSTRAP, 'B, started without --bootstrap, is on the testnet from its config.json')
  t.equal(readyB.ledger, readyA.ledger)

  const loggedA = await ok<LogOutput>(t, A, ['log', 'love', '2h', '-m', 'translated the zine'])
  const loggedB = await ok<LogOutput>(t, B, ['log', 'care', '1h', '-m', 'listened to Jo'])
  const ids = [loggedA.entry.id, loggedB.entry.id].sort()

  interface Converged { digest: string, running: boolean[], entries: EntryView[] }
  let polls = 0
  const converged = await until<Converged>('both nodes to show both entries and the same digest', async () => {
    polls++
    const [ea, eb, sa, sb] = await Promise.all([
      json<EntriesOut>(A, ['entries']), json<EntriesOut>(B, ['entries']),
      json<ServedStatus>(A, ['status']), json<ServedStatus>(B, ['status'])
    ])
    const seen = {
      a: ea.entries.map(e => e.id).sort(),
      b: eb.entries.map(e => e.id).sort(),
      digests: [sa.digest, sb.digest],
      running: [sa.running, sb.running]
    }
    const same = JSON.stringify(seen.a) === JSON.stringify(ids) && JSON.stringify(seen.b) === JSON.stringify(ids) &&
      sa.digest !== null && sa.digest === sb.digest
    return same ? { done: { digest: sa.digest as string, running: seen.running, entries: eb.entries } } : { seen }
  })
  t.pass(`converged on digest ${converged.digest.slice(0, 8)}… (poll ${polls})`)
  t.same(converged.running, [true, true], 'both served by their running nodes')
  t.same(converged.entries.map(e => [e.memberName, e.stream, e.minutes, e.description]).sort(), [
    ['Ana', 'love', 120, 'translated the zine'],
    ['Bo', 'care', 60, 'listened to Jo']
  ], 'B holds both entries, with their authors')

  const membersB = await ok<{ members: Member[] }>(t, B, ['members'])
  t.same(membersB.members.map(m => [m.name, m.role]).sort(), [['Ana', 'member'], ['Bo', 'contributor']], 'B lists Ana and Bo')

  const reused = await run(C, ['join', inv.code, '--me', 'Cy', ...NET, '--timeout', '20', '--json'])
  t.not(reused.exit, 0, 'a second join with the same code fails', { exit: reused.exit, stderr: reused.stderr })
  t.match(JSON.parse(reused.stdout) as { error: DiscoErrorJson }, { error: { code: 'INVITE_USED' } }, 'with INVITE_USED')
  t.notMatch(reused.stderr, /\n\s+at |\.js:\d+:\d+/, 'and no stack trace')

  a.proc.kill('SIGTERM')
  b.proc.kill('SIGTERM')
  t.same(await a.exited, { code: 0, signal: null }, 'A stops with exit 0 on SIGTERM')
  t.same(await b.exited, { code: 0, signal: null }, 'B stops with exit 0 on SIGTERM')
  t.equal(a.events.at(-1)?.type, 'stopped')
  t.equal(b.events.at(-1)?.type, 'stopped')
  t.same([a.badLines, b.badLines], [[], []], 'every stdout line of both nodes is JSON')
  t.same([a.stderr, b.stderr], ['', ''], 'nothing on either node\'s stderr')
  // the invite code is a secret for the joiner alone: the node that answered it never logs it
  const logs = JSON.stringify([a.events, b.events, a.badLines, b.badLines])
  t.notOk(logs.includes(inv.code), 'neither node\'s output holds the invite code')

  const offline = await ok<EntriesOut>(t, B, ['entries'])
  t.same(offline.entries.map(e => e.id).sort(), ids, 'offline, B still has both entries')
  const s = await ok<ServedStatus>(t, B, ['status'])
  t.equal(s.running, false, 'read from the folder, not a node')
  t.equal(s.digest, converged.digest, 'with the digest the nodes converged on')
  t.comment(`two processes: ${Date.now() - started} ms`)
})
