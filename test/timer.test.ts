import t from 'tap'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DiscoNode } from '../src/node/node.js'
import { timerCancel, timerStart, timerStatus, timerStop } from '../src/commands/timer.js'
import type { TimerState, TimerStatus, TimerStopOutput } from '../src/commands/timer.js'
import { entries } from '../src/commands/entries.js'
import { discoCli } from './helpers/processes.js'

/**
 * `disco timer`: one timer at a time, logged when stopped (rounded to the nearest minute, 30 s up,
 * dated the day it started), kept in a file so that it survives a restart. Elapsed time is given to
 * the handlers as `now` (library) or by moving the file's start back (CLI, as a machine that was off
 * for that long would find it): no test sleeps.
 */

const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-timer-test-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })

const MIN = 60_000
const T = Date.UTC(2026, 10, 3, 12, 0, 0)

t.test('start, status, stop: the elapsed time rounded, dated the start\'s day; one timer at a time', async t => {
  const node = await DiscoNode.create({ storage: path.join(dir, 'lib'), coopName: 'Coop', memberName: 'Ana' })
  t.teardown(async () => { await node.close() })

  t.same(await timerStatus(node, T), { running: false })
  await t.rejects(timerStop(node, {}, T), { code: 'NO_TIMER' })
  await t.rejects(timerStart(node, { stream: 'fun' }, T), { code: 'INVALID_STREAM' }, 'fields are checked at the start')
  await t.rejects(timerStart(node, { stream: 'love', for: 'person' }, T), { code: 'INVALID_FIELD' })
  t.same(await timerStatus(node, T), { running: false }, 'a refused start leaves no timer')

  // two starts at once: one wins, the other is told a timer runs
  const both = await Promise.allSettled([timerStart(node, { stream: 'love', description: 'zine' }, T), timerStart(node, { stream: 'care' }, T)])
  t.equal(both.filter(r => r.status === 'fulfilled').length, 1, 'one start wins')
  t.match(both.find(r => r.status === 'rejected'), { reason: { code: 'TIMER_RUNNING' } })
  const winner = (both.find(r => r.status === 'fulfilled') as PromiseFulfilledResult<TimerStatus>).value
  await t.rejects(timerStart(node, { stream: 'love' }, T + MIN), { code: 'TIMER_RUNNING', message: /already running, since 2026-11-03T12:00:00.000Z/ })
  t.match(await timerStatus(node, T + 90 * 1000), { running: true, seconds: 90, started: '2026-11-03T12:00:00.000Z', fields: winner.fields })

  const stopped = await timerStop(node, { project: 'zine' }, T + 95 * MIN + 30_000)
  t.equal(stopped.seconds, 95 * 60 + 30)
  t.match(stopped.logged?.entry, { minutes: 96, date: '2026-11-03', project: 'zine' }, '95 min 30 s is 96 minutes; fields given at the stop are added')
  t.same(await timerStatus(node, T), { running: false }, 'stopping clears the timer')

  // under half a minute: nothing to log
  await timerStart(node, { stream: 'love' }, T)
  t.same(await timerStop(node, {}, T + 29_999), { seconds: 29, logged: null })
  await timerStart(node, { stream: 'love' }, T)
  t.equal((await timerStop(node, {}, T + 30_000)).logged?.entry.minutes, 1, '30 s is a minute')

  // a stream given only at the stop; a clock that went back; a timer too long to be an entry
  await timerStart(node, {}, T)
  await t.rejects(timerStop(node, {}, T + MIN), { code: 'INVALID_ARGUMENT', message: /started without a stream/ })
  await t.rejects(timerStop(node, { stream: 'care' }, T - 1000), { code: 'CLOCK_WENT_BACK' })
  await t.rejects(timerStop(node, { stream: 'care' }, T + 745 * 60 * MIN), { code: 'INVALID_DURATION', message: /timer cancel/ })
  t.match((await timerStop(node, { stream: 'care' }, T + 20 * MIN)).logged?.entry, { stream: 'care', minutes: 20, careFor: 'collective' })
  await timerStart(node, { stream: 'love' }, T)
  t.match(await timerCancel(node, T + MIN), { running: false, seconds: 60 })
  t.same(await timerStatus(node, T), { running: false })

  const logged = (await entries(node, {})).entries.map(e => e.minutes)
  t.same(logged, [96, 1, 20], 'exactly the stops that logged')
})

t.test('through the CLI: the timer survives the program and the machine restarting', async t => {
  const cli = discoCli({ env: { ...process.env, HOME: dir } })
  const S = path.join(dir, 'cli')
  t.equal((await cli.run(S, ['init', '--name', 'Coop', '--me', 'Ana'])).exit, 0)
  const started = await cli.ok<TimerStatus>(t, S, ['timer', 'start', 'love', '-m', 'translating', '--project', 'zine'])
  t.equal(started.running, true)
  const twice = await cli.run(S, ['timer', 'start', 'care', '--json'])
  t.equal(twice.exit, 1, 'a second timer is refused')
  t.equal(JSON.parse(twice.stdout).error.code, 'TIMER_RUNNING')

  // every command is a new process: the timer is the file. Move its start two hours back, as a
  // machine switched off meanwhile would find it when it comes back.
  const file = path.join(S, 'timer.json')
  const state = JSON.parse(await readFile(file, 'utf8')) as TimerState
  t.equal(state.started, Date.parse(started.started ?? ''))
  await writeFile(file, JSON.stringify({ ...state, started: state.started - 120 * MIN }))
  const status = await cli.run(S, ['timer', 'status'])
  t.match(status.stdout, /^timer running: love, 2h00m since /)

  const stop = await cli.ok<TimerStopOutput>(t, S, ['timer', 'stop'])
  t.match(stop.logged?.entry, { stream: 'love', minutes: 120, description: 'translating', project: 'zine' })
  t.equal((await cli.ok<TimerStatus>(t, S, ['timer', 'status'])).running, false)
  const again = await cli.run(S, ['timer', 'stop', '--json'])
  t.equal(JSON.parse(again.stdout).error.code, 'NO_TIMER', 'stopped once, logged once')
  const neg = await cli.run(S, ['timer', 'start', 'love', '-m', 'x', '--json'])
  t.equal(neg.exit, 0)
  t.match((await cli.run(S, ['timer', 'cancel'])).stdout, /^timer dropped/)
})
