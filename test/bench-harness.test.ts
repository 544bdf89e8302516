import t from 'tap'
import { interleave } from '../bench/harness.js'
import { ringEdges } from '../bench/p11-writers.js'
import { divergences } from '../bench/writers-state.js'
import type { BaseState } from '../bench/writers-state.js'
import { frameOf, recordOf, contribution } from '../bench/fixtures.js'
import { decodeFrame } from '../src/ledger/codec.js'

t.test('interleave: the sides take turns, and each gets its own runs and median', async t => {
  const order: string[] = []
  const got = await interleave(3, {
    a: async i => { order.push(`a${i}`); return [5, 1, 3][i]! },
    b: async i => { order.push(`b${i}`); return 10 + i }
  })
  t.same(order, ['a0', 'b0', 'a1', 'b1', 'a2', 'b2'], 'a, b, a, b: a change of load falls on both')
  t.equal(got.a.median, 3)
  t.same(got.a.runs, [5, 1, 3])
  t.equal(got.b.median, 11)
})

t.test('P11 links each member to its 8 nearest on a ring, every other one when there are few', async t => {
  const degrees = (n: number): number[] => {
    const d = new Array<number>(n).fill(0)
    for (const [i, j] of ringEdges(n)) { d[i]!++; d[j]!++ }
    return d
  }
  for (const n of [10, 20, 50]) t.same(new Set(degrees(n)), new Set([8]), `${n} members: degree 8 each`)
  t.same(new Set(degrees(5)), new Set([4]), '5 members: every other one')
  t.same(new Set(degrees(8)), new Set([7]), '8 members: every other one')
  for (const n of [5, 8, 10, 50]) {
    const edges = ringEdges(n).map(e => e.join(','))
    t.equal(new Set(edges).size, edges.length, `${n}: no link twice`)
    t.ok(ringEdges(n).every(([i, j]) => i < j && j < n), `${n}: pairs in order, in range`)
  }
})

t.test('P11 calls two nodes divergent only when they differ at an equal signed length', async t => {
  const node = (member: number, signedLength: number, signedTreeHash: string, signedDigest: string): BaseState => ({
    member, viewLength: 100, signedLength, signedTreeHash, signedDigest, systemLength: 0, systemSignedLength: 0, indexedLength: 0, isIndexer: false, updating: false, writable: true, heads: []
  })
  t.same(divergences([node(0, 50, 'aa', 'd1'), node(1, 50, 'aa', 'd1'), node(2, 40, 'bb', 'd2')]), [], 'equal where signed alike; another signed length is only behind')
  t.equal(divergences([node(0, 50, 'aa', 'd1'), node(1, 50, 'bb', 'd1')]).length, 1, 'another tree hash at the same signed length')
  t.equal(divergences([node(0, 50, 'aa', 'd1'), node(1, 50, 'aa', 'd2')]).length, 1, 'another digest at the same signed length')
  t.same(divergences([node(0, 50, 'not stored', 'd1'), node(1, 50, 'aa', 'unread: x')]), [], 'what one node could not read is no evidence')
  t.same(divergences([node(0, 0, 'empty', 'none'), node(1, 0, 'empty', 'none')]), [], 'nothing signed yet')
})

t.test('the raw side writes the node\'s frames and a record-sized value an op', async t => {
  const op = contribution(7)
  t.same(decodeFrame(frameOf([op])).ops, [op], 'the raw side appends the frame the node would')
  const size = recordOf(op).byteLength
  t.ok(size > 120 && size < 200, `the value is about the size of the node's entry record (${size} bytes)`)
})
