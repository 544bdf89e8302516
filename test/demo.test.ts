import t from 'tap'
import fs from 'node:fs'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { DemoOutput } from '../src/demo/cooperative.js'
import { bin } from './helpers/processes.js'

const run = promisify(execFile)

t.test('disco demo: three members converge on loopback, and nothing is left behind', async t => {
  // the process must exit by itself: a swarm or testnet left open would keep it alive until the timeout
  const { stdout, stderr } = await run(process.execPath, [bin, 'demo', '--json'], { timeout: 120_000 })
  const out = JSON.parse(stdout) as DemoOutput
  t.equal(out.nodes.length, 3)
  t.same(out.nodes.map(n => n.role), ['member', 'contributor', 'member'], 'Cy, a dater, became a member by vote')
  t.same(out.proposals.map(p => [p.kind, p.subjectName, p.status]), [['role', 'Cy', 'passed'], ['distribute', null, 'passed']])
  const [statement] = out.statements
  for (const s of out.statements) t.same(s, statement, 'every node prints the same statement')
  t.equal(statement?.lines.reduce((sum, l) => sum + l.total, 0), 100_000, 'the payouts sum to the pool')
  t.same(statement?.lines.map(l => l.name).sort(), ['Ana', 'Bo', 'Cy'], 'all three earned a share')
  t.ok(statement?.paid, 'marked paid')
  const [first] = out.nodes
  for (const n of out.nodes) {
    t.equal(n.digest, first?.digest, `${n.name} has the same digest`)
    t.equal(n.length, first?.length, `${n.name} has the same length`)
    t.equal(n.signedLength, n.length, `${n.name}'s ledger is all signed`)
  }
  t.equal(out.entries.length, 14, 'every entry, including Cy\'s offline ones, is in the merged ledger')
  t.ok(out.entries.some(e => e.description.startsWith('offline:') && e.memberName === 'Cy'))
  t.equal(out.entries.filter(e => e.status === 'retracted').length, 1)
  t.same(out.balance.members.map(m => m.name), ['Ana', 'Bo', 'Cy'])
  t.same(out.balance.total.find(s => s.stream === 'livelihood')?.money, [{ amount: '48000', currency: 'EUR', display: '480.00' }])
  t.notOk(fs.existsSync(out.folder), 'the temporary folder is removed')
  t.match(stderr, /Cy reconnects/)
})

t.test('disco demo --keep keeps the nodes, which a later command can read and verify', async t => {
  const dir = t.testdir()
  const { stdout } = await run(process.execPath, [bin, 'demo', '--keep', dir], { timeout: 120_000 })
  t.match(stdout, /same signed length and digest on all three nodes/)
  const { stdout: list } = await run(process.execPath, [bin, '--storage', `${dir}/cy`, 'entries', '--json'], { timeout: 30_000 })
  t.equal((JSON.parse(list) as { entries: unknown[] }).entries.length, 14)
  for (const name of ['ana', 'bo', 'cy']) {
    const { stdout: verified } = await run(process.execPath, [bin, '--storage', `${dir}/${name}`, 'verify', '--json'], { timeout: 30_000 })
    t.match(JSON.parse(verified), { ok: true, problem: null, difference: null }, `disco verify passes on ${name}'s node`)
  }
})
