import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { DiscoError } from '../errors.js'
import { canLogValue } from '../ledger/roles.js'
import { MAX_MINUTES } from '../ledger/limits.js'
import { formatDay, today } from '../ledger/dates.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { writeSyncedFile } from '../node/storage.js'
import { contributionOp } from './contribution-input.js'
import type { ContributionInput } from './contribution-input.js'
import { log } from './log.js'
import type { LogOutput } from './log.js'
import { localMember } from './session.js'

/**
 * `disco timer`: time work as it happens, and log it when it stops. The running timer is a small
 * file in the storage folder (timer.json), written to disk before `start` answers, so it survives
 * the program, the node and the machine restarting; it holds the wall-clock time it started, so the
 * time the machine was off counts. One timer at a time per storage folder: the file is created only
 * if absent (a hard link of a finished temporary file), so two starts cannot both win. `stop` logs
 * the entry through `disco log`, with the elapsed time rounded as imports round (to the nearest
 * minute, 30 seconds up) and an idempotency key of the timer's own, so a stop that is interrupted
 * after logging and run again logs once.
 */

// a timer measures time: an output (quantity and unit) is logged with disco log
export type TimerFields = Omit<ContributionInput, 'stream' | 'duration' | 'minutes' | 'date' | 'key' | 'forCoop' | 'quantity' | 'unit'> & { stream?: string }

export interface TimerState {
  format: 1
  /** wall-clock ms */
  started: number
  /** the member it was started for: another member's device folder cannot stop it into theirs */
  member: string
  /** this timer's own: its entry's idempotency key, so that a stop run twice logs once */
  id: string
  fields: TimerFields
}

export interface TimerStatus {
  running: boolean
  /** ISO time it started */
  started?: string
  /** whole seconds so far */
  seconds?: number
  fields?: TimerFields
}

export interface TimerStopOutput {
  seconds: number
  /** the entry logged; null when under half a minute (nothing to log) */
  logged: LogOutput | null
}

const file = (node: LedgerNode): string => path.join(node.storage, 'timer.json')

async function readTimer (node: LedgerNode): Promise<TimerState | null> {
  let text: string
  try {
    text = await fs.readFile(file(node), 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  let state: TimerState
  try {
    state = JSON.parse(text) as TimerState
  } catch {
    throw new DiscoError('BAD_TIMER', `${file(node)} is not a timer this version wrote: remove it, or run disco timer cancel`, 'state')
  }
  if (state?.format !== 1 || !Number.isSafeInteger(state.started) || typeof state.member !== 'string' || typeof state.id !== 'string' || typeof state.fields !== 'object' || state.fields === null) {
    throw new DiscoError('BAD_TIMER', `${file(node)} is not a timer this version wrote: run disco timer cancel`, 'state')
  }
  return state
}

/** The fields a timer carries, checked now as `log` will check them at the stop. */
function checkFields (fields: TimerFields): void {
  if (fields.stream === undefined) return
  contributionOp({ ...fields, stream: fields.stream, minutes: 1 })
}

export async function timerStart (node: LedgerNode, input: TimerFields, now: number = Date.now()): Promise<TimerStatus> {
  const fields: TimerFields = { ...input }
  for (const k of Object.keys(fields) as Array<keyof TimerFields>) if (fields[k] === undefined) delete fields[k]
  checkFields(fields)
  const me = await localMember(node)
  if (!canLogValue(me.role)) throw DiscoError.notAllowed(me.role, 'log-value')
  const running = await readTimer(node)
  if (running !== null) throw timerRunning(running)

  const id = randomBytes(8).toString('hex')
  const state: TimerState = { format: 1, started: now, member: me.id, id, fields }
  const tmp = `${file(node)}.${id}.tmp`
  await writeSyncedFile(tmp, JSON.stringify(state, null, 2) + '\n', 'wx')
  try {
    await fs.link(tmp, file(node)) // fails if a timer appeared meanwhile: only one start wins
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    const other = await readTimer(node)
    throw other === null ? new DiscoError('TIMER_RUNNING', 'a timer is already running', 'state') : timerRunning(other)
  } finally {
    await fs.rm(tmp, { force: true })
  }
  await syncDir(node.storage)
  return statusOf(state, now)
}

export async function timerStatus (node: LedgerNode, now: number = Date.now()): Promise<TimerStatus> {
  const state = await readTimer(node)
  return state === null ? { running: false } : statusOf(state, now)
}

export async function timerStop (node: LedgerNode, input: TimerFields, now: number = Date.now()): Promise<TimerStopOutput> {
  const state = await readTimer(node)
  if (state === null) throw new DiscoError('NO_TIMER', 'no timer is running: start one with disco timer start <stream>', 'state')
  const me = await localMember(node)
  if (state.member !== me.id) throw new DiscoError('NOT_YOUR_TIMER', 'this timer was started for another member: disco timer cancel drops it', 'state')
  const given: TimerFields = { ...input }
  for (const k of Object.keys(given) as Array<keyof TimerFields>) if (given[k] === undefined) delete given[k]
  const fields: TimerFields = { ...state.fields, ...given }
  if (fields.stream === undefined) throw DiscoError.invalidArgument('the timer was started without a stream: give it now, e.g. disco timer stop love')

  const ms = now - state.started
  if (ms < 0) throw new DiscoError('CLOCK_WENT_BACK', `this machine's clock is before the timer's start (${new Date(state.started).toISOString()}): fix the clock, or disco timer cancel`, 'state')
  const seconds = Math.floor(ms / 1000)
  const minutes = Math.floor((seconds + 30) / 60) // to the nearest minute, 30 s up
  if (minutes === 0) {
    await clear(node)
    return { seconds, logged: null }
  }
  if (minutes > MAX_MINUTES) {
    throw DiscoError.invalidDuration(`${seconds}s`, 'timer-too-long', { maxHours: MAX_MINUTES / 60 })
  }
  const logged = await log(node, {
    ...fields,
    stream: fields.stream,
    minutes,
    date: formatDay(today(new Date(state.started))),
    key: `timer:${state.id}`
  })
  await clear(node)
  return { seconds, logged }
}

export async function timerCancel (node: LedgerNode, now: number = Date.now()): Promise<TimerStatus> {
  const state = await readTimer(node).catch(() => null)
  await clear(node)
  return state === null ? { running: false } : { ...statusOf(state, now), running: false }
}

function statusOf (state: TimerState, now: number): TimerStatus {
  return { running: true, started: new Date(state.started).toISOString(), seconds: Math.max(0, Math.floor((now - state.started) / 1000)), fields: state.fields }
}

function timerRunning (state: TimerState): DiscoError {
  const what = state.fields.stream === undefined ? 'a timer' : `a ${state.fields.stream} timer`
  return new DiscoError('TIMER_RUNNING', `${what} is already running, since ${new Date(state.started).toISOString()}: disco timer stop logs it, disco timer cancel drops it`, 'state')
}

async function clear (node: LedgerNode): Promise<void> {
  await fs.rm(file(node), { force: true })
  await syncDir(node.storage)
}

/** The file's creation or removal is on disk only once its folder is: a power cut must not undo it. */
async function syncDir (dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try { await handle.sync() } catch {} finally { await handle.close() }
}
