import t from 'tap'
import fs from 'node:fs'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { FederationDemoOutput } from '../src/demo/federation.js'
import { bin } from './helpers/processes.js'

const run = promisify(execFile)

t.test('disco demo --federation: two cooperatives witness each other and catch a rewritten ledger', async t => {
  // the process must exit by itself: a swarm, store or testnet left open would keep it alive
  const { stdout, stderr } = await run(process.execPath, [bin, 'demo', '--federation', '--json'], { timeout: 120_000 })
  const out = JSON.parse(stdout) as FederationDemoOutput
  const [gt, rr] = out.federations
  t.match(gt, { cooperative: 'Guerrilla Translation', federation: { federates: [{ name: 'Roots Radio', trust: 60, stage: 2, checkins: 1, disputes: 1 }] } })
  t.match(rr, { cooperative: 'Roots Radio', federation: { federates: [{ name: 'Guerrilla Translation', checkins: 1 }] } })
  t.same(out.byCoop.map(r => [r.label, r.minutes]), [['(this cooperative)', 60], ['Roots Radio', 180]])
  t.ok(out.events.some(e => e.type === 'checkin'), 'the node checked in by itself')
  t.ok(out.events.some(e => e.type === 'dispute' && e.recorded), 'and reported the dispute')
  t.equal(out.evidence.kind, 'truncation')
  t.equal(out.verdict.valid, true)
  t.match(out.verdict.message, /valid evidence: federate Roots Radio signed a history cut below a length it had signed before/)
  t.notOk(fs.existsSync(out.folder), 'the temporary folder is removed')
  t.match(stderr, /reaches Ana's node/)
})
