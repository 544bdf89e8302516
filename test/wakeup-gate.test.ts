import t from 'tap'
import type { Test } from 'tap'
import path from 'node:path'
import b4a from 'b4a'
import crypto from 'hypercore-crypto'
import Autobase from 'autobase'
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import { FAST_FORWARD_MINIMUM, WakeupGate, sortHints } from '../src/mirror/wakeup-gate.js'
import type { WakeupHint } from '../src/stack/wakeup-hints.js'

/**
 * What a node lets through of a mirror's wakeup announces (src/mirror/wakeup-gate.ts): the
 * ledger's own view cores never, the writers' logs at once, or after the fast-forward the announce
 * shows is coming. P10 of `npm run bench` measures what it is for.
 */

const key = (): Buffer => crypto.randomBytes(32)
const hex = (hints: WakeupHint[]): string[] => hints.map(h => `${b4a.toString(h.key, 'hex').slice(0, 8)}:${h.length}`)

t.test('sortHints: view cores dropped; writers passed, or held while a fast-forward is coming', async t => {
  const system = key()
  const view = key()
  const ana = key()
  const bo = key()
  const ledger = { viewKeys: [system, view], systemKey: system, systemLength: 20 }
  const writers = [{ key: ana, length: 108 }, { key: bo, length: 3 }]

  const near = sortHints([{ key: system, length: 20 + FAST_FORWARD_MINIMUM - 1 }, { key: view, length: 900 }, ...writers], ledger)
  t.same(hex(near.pass), hex(writers), 'the system core short of a jump: the writers\' logs go on now')
  t.same(near.hold, [], 'nothing held')
  t.equal(near.dropped, 2, 'the system core and the view are no writers\' logs')

  const far = sortHints([{ key: system, length: 20 + FAST_FORWARD_MINIMUM }, { key: view, length: 11374 }, ...writers], ledger)
  t.same(far.pass, [], 'a jump is coming: nothing now')
  t.same(hex(far.hold), hex(writers), 'the writers\' logs wait for it')

  const noSystem = sortHints([...writers, { key: key(), length: 0 }], ledger)
  t.same(hex(noSystem.pass), hex(writers), 'an announce without the system core (a peer\'s): the writers go on')
  t.equal(noSystem.dropped, 1, 'a log announced with no block is dropped')
})

async function gatedBase (t: Test): Promise<{ base: Autobase<Hypercore>, passed: WakeupHint[][], gate: WakeupGate }> {
  const dir = t.testdir()
  const store = new Corestore(path.join(dir, 'store'))
  const base = new Autobase<Hypercore>(store, null, { valueEncoding: 'binary', open: s => s.get('view'), apply: async () => {} })
  t.teardown(async () => { await base.close(); await store.close() })
  await base.ready()
  // what autobase would act on: under the gate, in place of autobase's own hintWakeup
  const passed: WakeupHint[][] = []
  const spied = base as unknown as { hintWakeup: (hints: WakeupHint[]) => void }
  spied.hintWakeup = hints => { passed.push(hints) }
  const gate = new WakeupGate(base as Autobase<unknown>)
  t.teardown(() => { gate.close() })
  return { base, passed, gate }
}

t.test('WakeupGate on an autobase: held hints go on at the update after the fast-forward', async t => {
  const { base, passed, gate } = await gatedBase(t)
  const hint = (hints: WakeupHint[]): void => { (base as unknown as { hintWakeup: (h: WakeupHint[]) => void }).hintWakeup(hints) }
  const ana = { key: key(), length: 108 }

  hint([{ key: base.core.key, length: base.core.length + FAST_FORWARD_MINIMUM }, { key: base.view.key, length: 11374 }, ana])
  t.same(passed, [], 'a jump is coming: autobase gets nothing yet')
  t.equal(gate.holding, 1, 'Ana\'s log is held')
  base.emit('update')
  t.same(passed, [], 'an update before the jump releases nothing')
  base.emit('fast-forward', 300, 20)
  t.same(passed, [], 'nor the jump itself: autobase is still finishing it')
  base.emit('update')
  t.same(passed.map(hex), [hex([ana])], 'the update after the jump hands the held log on')
  t.equal(gate.holding, 0)

  hint([{ key: base.view.key, length: 11375 }, ana])
  t.same(passed.map(hex), [hex([ana]), hex([ana])], 'no jump coming: on at once, the view left out')
})

t.test('WakeupGate: closed, it gives autobase back its own hintWakeup', async t => {
  const { base, passed, gate } = await gatedBase(t)
  gate.close()
  const view = { key: base.view.key, length: 5 };
  (base as unknown as { hintWakeup: (h: WakeupHint[]) => void }).hintWakeup([view])
  t.same(passed.map(hex), [hex([view])], 'unfiltered again')
})
