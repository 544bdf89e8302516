import t from 'tap'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { discoCli } from './helpers/processes.js'
import type { Run } from './helpers/processes.js'
import type { CommandName, CommandOutput } from '../src/service/handlers.js'
import { evidenceToJson } from '../src/federation/evidence-file.js'
import { FAKE_FEDERATES, signState } from '../bench/federation-fixtures.js'

const cli = discoCli({ env: process.env })
const disco = async (storage: string, ...args: string[]): Promise<Run> => await cli.run(storage, args)

t.test('federation through the CLI: invite code, proposals, log and report by coop, evidence files', async t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-fed-cli-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const a = path.join(dir, 'a')
  const b = path.join(dir, 'b')
  const json = async <K extends CommandName>(s: string, command: K | string, ...args: string[]): Promise<CommandOutput<K>> => {
    const r = await disco(s, command, ...args, '--json')
    t.equal(r.exit, 0, `${command} ${args.join(' ')}: ${r.stderr}${r.stdout.slice(0, 300)}`)
    return JSON.parse(r.stdout) as CommandOutput<K>
  }
  t.equal((await disco(a, 'init', '--name', 'Coop A', '--me', 'Ana')).exit, 0)
  t.equal((await disco(b, 'init', '--name', 'Coop B', '--me', 'Cat')).exit, 0)

  const invite = await disco(b, 'federation', 'invite')
  t.equal(invite.exit, 0)
  const code = invite.stdout.split('\n')[0] ?? ''
  t.match(code, /^disco-federation-v1:[0-9a-f]{64}:[0-9a-f]{64}$/)

  const bad = await disco(a, 'federate', 'add', 'disco-federation-v9:xyz', '--name', 'Coop B', '--json')
  t.equal(bad.exit, 2, 'a bad code is a usage error')
  t.equal(JSON.parse(bad.stdout).error.code, 'INVALID_ARGUMENT')
  const own = (await json<'federation-invite'>(a, 'federation', 'invite')).code
  t.equal((await disco(a, 'federate', 'add', own, '--name', 'Us')).exit, 2, 'not with itself')

  const proposed = await json<'propose'>(a, 'federate', 'add', code, '--name', 'Coop B', '-m', 'we share clients')
  t.equal(proposed.proposal.kind, 'federate')
  t.equal((await json<'vote'>(a, 'vote', proposed.proposal.shortId, 'yes')).proposal.status, 'passed')
  const trust = await json<'propose'>(a, 'federate', 'trust', 'coop b', '--value', '70', '--stage', '3')
  await json(a, 'vote', trust.proposal.shortId, 'yes')
  t.equal((await disco(a, 'federate', 'trust', 'Coop B', '--value', '101', '--json')).exit, 2, 'trust is 0-100')

  const fed = await json<'federation'>(a, 'federation')
  t.match(fed.federates, [{ name: 'Coop B', trust: 70, stage: 3, checkins: 0, signedLength: null, lastCheckin: null }])
  t.equal(fed.checkinDays, 7)
  const human = await disco(a, 'federation')
  t.match(human.stdout, /Coop B\s+70\s+3\/7\s+0/)

  const checkin = await disco(a, 'checkin', '--json')
  t.equal(checkin.exit, 1, 'nothing of the federate reached this offline node')
  t.equal(JSON.parse(checkin.stdout).error.code, 'NOTHING_TO_WITNESS')

  await json(a, 'log', 'love', '2h', '--date', '2026-10-05', '--for-coop', 'Coop B', '-m', 'their bylaws')
  await json(a, 'log', 'care', '1h', '--date', '2026-10-05')
  const nobody = await disco(a, 'log', 'love', '1h', '--for-coop', 'Nobody', '--json')
  t.equal(nobody.exit, 2, 'work for an unknown federate is refused, nothing written')
  t.equal(JSON.parse(nobody.stdout).error.code, 'UNKNOWN_FEDERATE')
  const report = await json<'report'>(a, 'report', '--by', 'coop', '--month', '2026-10')
  t.same(report.rows.map(r => [r.label, r.minutes]), [['(this cooperative)', 60], ['Coop B', 120]])

  const period = await json<'propose'>(a, 'federate', 'period', '30')
  await json(a, 'vote', period.proposal.shortId, 'yes')
  t.equal((await json<'federation'>(a, 'federation')).checkinDays, 30)
  const removal = await json<'propose'>(a, 'federate', 'remove', 'Coop B')
  await json(a, 'vote', removal.proposal.shortId, 'yes')
  t.same((await json<'federation'>(a, 'federation')).federates, [])

  // evidence files: checked offline, exit 0 when valid, 1 when not, 2 when the file is missing
  const f = FAKE_FEDERATES[0]!
  const evidence = evidenceToJson({
    federate: f.key, manifest: f.manifest, witnessed: signState(f, Buffer.alloc(32, 1), 5, 0), observed: signState(f, Buffer.alloc(32, 2), 5, 0), prefix: [], extension: []
  }, 'Other Coop')
  const file = path.join(dir, 'evidence.json')
  fs.writeFileSync(file, JSON.stringify(evidence))
  const ok = await disco(a, 'verify-evidence', file)
  t.equal(ok.exit, 0)
  t.match(ok.stdout, /valid evidence: federate Other Coop signed two different histories at the same length/)
  fs.writeFileSync(file, JSON.stringify({ ...evidence, observed: { ...evidence.observed, length: 6 } }))
  const tampered = await disco(a, 'verify-evidence', file, '--json')
  t.equal(tampered.exit, 1)
  t.equal(JSON.parse(tampered.stdout).error.code, 'INVALID_EVIDENCE')
  t.equal((await disco(a, 'verify-evidence', path.join(dir, 'none.json'))).exit, 2)
  t.match((await disco(a, 'federation', '--help')).stdout, /disco federation invite/)
})
