import t from 'tap'
import b4a from 'b4a'
import { renderRejection } from '../src/consensus/apply.js'
import type { StoredRejection } from '../src/consensus/apply.js'
import { MESSAGES, useCatalogue } from '../src/error-messages.js'
import type { Catalogue, CataloguedCode } from '../src/error-messages.js'
import { proposalReason } from '../src/commands/proposal-view.js'
import type { Proposal } from '../src/consensus/governance.js'
import { goldenLedger } from '../bench/protocol/golden-ledger.js'
import { replayGolden } from '../bench/protocol/golden-view.js'
import { readFixture } from '../bench/protocol/fixture-files.js'

/**
 * "Wording is consensus" (PROTOCOL.md, "Rejections"): a rejection is stored as its code and
 * params, and rendered into words when read. Rewording every message must leave every byte of the
 * view, and so the digest, as it was; and the words a member reads stay what they were.
 */
const blocks = goldenLedger()

/** Every catalogued message, reworded: what a new release (or a translation) could ship. */
const reworded: Catalogue = Object.fromEntries(Object.entries(MESSAGES).map(([code, render]) =>
  [code, (p: Record<string, string | number | boolean | null>) => `[reworded ${code}] ${(render as (p: unknown) => string)(p).split('').reverse().join('')}`])) as Catalogue

function rejectionsOf (store: Map<string, Uint8Array>): StoredRejection[] {
  return [...store].filter(([key]) => key.startsWith('rej/')).sort(([a], [b]) => a < b ? -1 : 1)
    .map(([, value]) => JSON.parse(b4a.toString(value)) as StoredRejection)
}

t.test('rewording every message changes no byte of a view full of rejections and decided proposals, nor its digest', async t => {
  const before = await replayGolden(blocks)
  const original = useCatalogue(reworded)
  let after
  try {
    after = await replayGolden(blocks)
    // the swap took: the same rejections now read differently
    const words = rejectionsOf(after.replay.store.map).map(r => renderRejection(r).message)
    t.ok(words.length > 50, `${words.length} rejections in the ledger`)
    t.ok(words.every(w => w.startsWith('[reworded ')), 'every rejection renders in the reworded catalogue')
    // and so do the decided proposals' outcomes, kept as codes like rejections
    const outcomes = [...after.replay.store.map].filter(([key]) => key.startsWith('prop/'))
      .map(([, value]) => JSON.parse(b4a.toString(value)) as Proposal).filter(p => p.outcome !== null).map(proposalReason)
    t.ok(outcomes.length >= 5, `${outcomes.length} decided proposals`)
    t.ok(outcomes.every(w => w.startsWith('[reworded ')), 'every outcome renders in the reworded catalogue')
  } finally {
    useCatalogue(original)
  }
  t.equal(after.view.digest, before.view.digest, 'same digest')
  t.equal(after.view.contentHash, before.view.contentHash, 'same keys and values')
  t.same(after.replay.store.sorted().map(([k, v]) => [k, b4a.toString(v)]), before.replay.store.sorted().map(([k, v]) => [k, b4a.toString(v)]))
})

t.test('every rejection the ledger records is catalogued, with params that are plain values', async t => {
  const { replay } = await replayGolden(blocks)
  const rejections = rejectionsOf(replay.store.map)
  const codes = new Set(rejections.map(r => r.code))
  t.ok(codes.size >= 30, `${codes.size} different codes`)
  for (const r of rejections) {
    t.ok(r.code in MESSAGES, `${r.code} has words in the catalogue`)
    t.notOk('message' in r, 'no words stored')
    for (const [name, value] of Object.entries(r.params)) {
      t.ok(value === null || ['string', 'number', 'boolean'].includes(typeof value), `${r.code}.${name} is a plain value`)
    }
    t.notMatch(renderRejection(r).message, new RegExp(`^${r.code as CataloguedCode} \\{`), `${r.code} renders from its params`)
  }
})

t.test('the words a member reads are the ones pinned (a deliberate rewording regenerates them)', async t => {
  const { replay } = await replayGolden(blocks)
  const words = rejectionsOf(replay.store.map).map(r => [r.id, r.code, renderRejection(r).message])
  const pinned = await readFixture<Array<[string, string, string]>>('rejection-words.json')
  t.same(words, pinned, 'rendered rejections read as pinned: wording is not protocol, so if you meant to reword, run npm run fixtures:protocol')
})

t.test('a rejection stored as words, before rejections were codes, still reads', async t => {
  const legacy = { id: 'aa-1-0', writer: 'aa', seq: 1, index: 0, type: 'contribution', code: 'EMPTY_AMEND', message: 'the words of then' }
  t.equal(renderRejection(legacy as unknown as StoredRejection).message, 'the words of then')
  t.equal(renderRejection({ ...legacy, params: {} } as unknown as StoredRejection).message, 'an amend must change at least one field')
})
