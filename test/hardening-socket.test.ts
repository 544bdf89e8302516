import t from 'tap'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { DiscoNode } from '../src/node/node.js'
import { DiscoError } from '../src/errors.js'
import { ControlServer } from '../src/service/control-server.js'
import { socketLocation } from '../src/service/socket-path.js'
import { dispatch } from '../src/service/handlers.js'
import type { CommandName } from '../src/service/handlers.js'
import { COMMAND_SHAPES } from '../src/service/command-shapes.js'
import { rawSession } from './helpers/raw-socket.js'

/**
 * The control socket under type-confused requests: every one gets a typed error naming what is
 * wrong (INVALID_FIELD for the input, BAD_REQUEST for the envelope, UNKNOWN_COMMAND), never
 * INTERNAL with a stack trace, and nothing is appended. A real node (offline) and its socket.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-hardening-socket-'))
const storage = path.join(dir, 'ledger')
const node = await DiscoNode.create({ storage, coopName: 'Coop', memberName: 'Ana' })
const server = new ControlServer(node, await socketLocation(storage))
await server.listen()
// in this order: the socket lets its commands finish, the node closes, then its folder goes
t.teardown(async () => {
  await server.close()
  await node.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
const socket = server.location.path

const line = (v: unknown): string => JSON.stringify(v)
const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n)

// [request line, the id the answer carries, the code it gets]
const CASES: Array<[string, string | number | null, string]> = [
  [line({ id: 1, command: 'log', input: { stream: 5, duration: '1h' } }), 1, 'INVALID_FIELD'],
  [line({ id: 2, command: 'vote', input: {} }), 2, 'INVALID_FIELD'],
  [line({ id: 3, command: 'log', input: ['love', '1h'] }), 3, 'INVALID_FIELD'],
  [line({ id: 4, command: 'log', input: { stream: 'love', duration: '1h', tags: 'a,b' } }), 4, 'INVALID_FIELD'],
  [line({ id: 5, command: 'entries', input: { limit: '10' } }), 5, 'INVALID_FIELD'],
  [line({ id: 6, command: 'log', input: { stream: 'love', duration: '1h', description: 'x'.repeat(1024 * 1024) } }), 6, 'INVALID_FIELD'],
  [line({ id: 7, command: 'propose', input: { kind: 'rules', rules: { rate: { love: 2 } } } }), 7, 'INVALID_FIELD'],
  [line({ id: 8, command: 'log', input: { stream: { a: { b: [1, [2, [3]]] } }, duration: '1h' } }), 8, 'INVALID_FIELD'],
  [line({ id: 9, command: 'no-such-command', input: {} }), 9, 'UNKNOWN_COMMAND'],
  [line({ id: 10, command: '__proto__' }), 10, 'UNKNOWN_COMMAND'],
  [line({ id: [1], command: 'status' }), null, 'BAD_REQUEST'],
  [line({ id: 'x'.repeat(1000), command: 'status' }), null, 'BAD_REQUEST'],
  [line({ id: 13, command: 7 }), 13, 'BAD_REQUEST'],
  [line({ id: 14, command: 'status', input: null }), 14, 'INVALID_FIELD'],
  [line({ id: 15, command: 'status', input: { verbose: true } }), 15, 'INVALID_FIELD'],
  [line({ id: 16, command: 'status', verbose: true }), 16, 'BAD_REQUEST'],
  [line({ id: 17, command: 'import', input: { file: 5, stream: 'love' } }), 17, 'INVALID_FIELD'],
  [line({ id: 18, command: 'paid', input: { month: '2026-01', reference: null } }), 18, 'INVALID_FIELD'],
  ['{"id":19,"command":"rejections","input":{"limit":1e400}}', 19, 'INVALID_FIELD'],
  ['[1,2,3]', null, 'BAD_REQUEST'],
  ['{"id":21,"command":"log","input":{"__proto__":{"stream":"love"},"duration":"1h"}}', 21, 'INVALID_FIELD'],
  [`{"id":22,"command":"status","input":{"a":${deep(100_000)}}}`, 22, 'INVALID_FIELD'],
  [`{"id":23,"command":"log","input":{"stream":${deep(100_000)},"duration":"1h"}}`, 23, 'INVALID_FIELD'],
  [line({ id: 24, command: 'amend', input: { id: 'ffffffff-1-0', clearTags: 'yes' } }), 24, 'INVALID_FIELD'],
  [line({ id: 25, command: 'invite', input: { role: ['contributor'] } }), 25, 'INVALID_FIELD'],
  [line({ id: 26, command: 'log', input: { stream: 'love', minutes: '60' } }), 26, 'INVALID_FIELD'],
  [line({ id: 27, command: 'income', input: { amount: 10, currency: 'EUR', from: 'Acme' } }), 27, 'INVALID_FIELD'],
  [line({ id: 28, command: 'log', input: { stream: 'love', duration: '1h', tags: Array.from({ length: 5000 }, () => 't') } }), 28, 'INVALID_FIELD']
]

t.test('type-confused requests get typed errors, no stack, and append nothing', async t => {
  const before = node.base.length
  const answers = await rawSession(socket, CASES.map(c => c[0]), CASES.length)
  t.equal(answers.length, CASES.length, 'one answer a request')
  // answers to bad envelopes come first (they are answered at once); match them by id and code
  const left = [...answers]
  for (const [request, id, code] of CASES) {
    const i = left.findIndex(a => a.id === id && (a.error as { code?: string } | undefined)?.code === code)
    t.ok(i !== -1, `${request.slice(0, 80)}: ${code}`, { answers: left.map(a => ({ id: typeof a.id === 'string' ? a.id.slice(0, 20) : a.id, error: a.error })) })
    if (i !== -1) left.splice(i, 1)
  }
  for (const a of answers) {
    const error = a.error as Record<string, unknown> | undefined
    t.ok(error !== undefined, 'an error')
    t.not(error?.code, 'INTERNAL', `not INTERNAL: ${String(error?.message).slice(0, 100)}`)
    t.notOk('stack' in (error ?? {}), 'no stack trace')
    t.ok(String(error?.message).length < 300, 'a short message (the bad value is not echoed)')
  }
  const field = answers.find(a => a.id === 1)?.error as { kind?: string, message?: string } | undefined
  t.equal(field?.kind, 'input', 'an input error: the CLI exits 2')
  t.equal(field?.message, 'stream: must be text, not a number', 'the message names the field and what is wrong')
  t.equal(node.base.length, before, 'nothing appended')
})

t.test('a well-formed request on the same connection still works', async t => {
  const [bad, good] = await rawSession(socket, [
    line({ id: 'b', command: 'log', input: { stream: 'love', duration: 3 } }),
    line({ id: 'g', command: 'log', input: { stream: 'love', duration: '1h', tags: ['ok'] } })
  ], 2)
  const byId = new Map([bad, good].map(a => [a?.id, a]))
  t.match(byId.get('b'), { error: { code: 'INVALID_FIELD', message: 'duration: must be text, not a number' } })
  t.match(byId.get('g'), { result: { entry: { stream: 'love', minutes: 60, tags: ['ok'] } } })
})

// Random JSON in every field of every command (fixed seed): the handlers never see a value of the
// wrong type, so nothing but a typed error (or a valid answer) comes back.
const SEED = 20261206
t.test(`every command, random JSON in its fields (seed ${SEED}): only typed errors`, async t => {
  const names = Object.keys(COMMAND_SHAPES) as CommandName[]
  const arb = fc.constantFrom(...names).chain(name => fc.tuple(fc.constant(name), fc.oneof(
    fc.record(Object.fromEntries(Object.keys(COMMAND_SHAPES[name]).map(k => [k, fc.jsonValue({ maxDepth: 3 })])), { requiredKeys: [] }),
    fc.jsonValue({ maxDepth: 3 })
  )))
  const untyped: string[] = []
  for (const [name, input] of fc.sample(arb, { seed: SEED, numRuns: 400 })) {
    // commands that wait on the network or read files a random input may name are left out
    if (name === 'verify' || name === 'checkin' || name === 'import') continue
    try {
      await dispatch(node, name, input, { running: false, progress: () => {} })
    } catch (err) {
      if (!(err instanceof DiscoError)) untyped.push(`${name} ${JSON.stringify(input).slice(0, 200)}: ${String(err)}`)
    }
  }
  t.same(untyped, [], 'no untyped error')
})
