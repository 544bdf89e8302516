import type { CreditClass } from '../ledger/credit-totals.js'
import type { Stream } from '../ledger/streams.js'
import { reusedKey1, reusedKey3 } from './key-strings.js'

/**
 * The keys of the view (a hyperbee, utf-8 keys, canonical-JSON values). One place names them
 * all, so that apply and the queries cannot drift apart. Free text that becomes part of a key
 * (project names, idempotency keys) is percent-encoded so that a "/" in it cannot reach into
 * another key's range.
 */
/**
 * The view layout this release writes, recorded in the view at `meta/layout` when the founding
 * block is applied (a view without the record is layout 1). A node checks it at open and after a
 * fast-forward: an older one is rebuilt from the signed logs, a newer one stops the node
 * (src/node/view-upgrade.ts, UPGRADE.md). Bump it with any change to a key or a value's shape.
 */
export const VIEW_LAYOUT = 5
/** `{ version }`: the layout the view was written in */
export const LAYOUT_KEY = 'meta/layout'
/**
 * What every applied block moves, in one record (view-head.ts): how many blocks the view has taken
 * in, the ledger time, and the view's digest (which covers this record without its digest field).
 */
export const HEAD_KEY = 'meta/head'
export const COOP_KEY = 'meta/coop'
export const PROTOCOL_KEY = 'rules/protocol'
export const INDEXERS_KEY = 'rules/indexers'
export const ROLE_COUNTS_KEY = 'meta/role-counts'
/** layouts 1 to 4 kept how many blocks apply had taken in here (layout 5: `meta/head`); read only
 * to learn how far an old view had come before it is rebuilt */
export const LEGACY_ORDER_LENGTH_KEY = 'meta/order-length'
/** the accounting rules in force (absent: version 0, the defaults) */
export const RULES_KEY = 'rules/accounting'

/** the minimum deliberation of proposals (absent: DEFAULT_DELIBERATION_HOURS) */
export const GOVERNANCE_RULES_KEY = 'rules/governance'

/** how often nodes check in with federates (absent: every DEFAULT_CHECKIN_DAYS) */
export const FEDERATION_RULES_KEY = 'rules/federation'

/** the cooperative's mirrors (absent: none): { keys: hex[] } (src/mirror) */
export const MIRRORS_KEY = 'rules/mirrors'

const enc = encodeURIComponent

const ENTRY_PREFIX = 'entry/'
const DATE_LENGTH = 'YYYY-MM-DD'.length

export const keys = {
  // the keys apply reads for every op are made once (key-strings.ts)
  member: reusedKey1(memberId => `member/${memberId}`),
  members: { gt: 'member/', lt: 'member/\xff' },
  device: reusedKey1(writerHex => `device/${writerHex}`),
  devices: { gt: 'device/', lt: 'device/\xff' },
  /** an entry's record, under its work date (YYYY-MM-DD): a month's entries are one range, in date order */
  entry: (date: string, id: string) => `${ENTRY_PREFIX}${date}/${id}`,
  /** the entries dated with this prefix of a date ('2026-11' is a month, '' all of them) */
  entriesDated: (prefix: string) => ({ gte: `${ENTRY_PREFIX}${prefix}`, lt: `${ENTRY_PREFIX}${prefix}\xff` }),
  /** the entries dated from `from` to `to`, both included (dates, or prefixes of one) */
  entriesBetween: (from: string, to: string) => ({ gte: `${ENTRY_PREFIX}${from}`, lt: `${ENTRY_PREFIX}${to}\xff` }),
  /** one applied block: its place in the linearised order, and the work dates of the entries it
   * logged, how an entry id finds its key (block-dates.ts, BlockRecord) */
  block: (writerHex: string, seq: number) => `block/${writerHex}/${String(seq).padStart(15, '0')}`,
  blocks: { gt: 'block/', lt: 'block/\xff' },
  invite: (idHex: string) => `invite/${idHex}`,
  proposal: (id: string) => `prop/${id}`,
  proposals: { gt: 'prop/', lt: 'prop/\xff' },
  vote: (proposalId: string, memberId: string) => `vote/${proposalId}/${memberId}`,
  votes: (proposalId: string) => ({ gt: `vote/${proposalId}/`, lt: `vote/${proposalId}/\xff` }),
  /** a poll's ballots, by member (each member's latest) */
  ballot: (proposalId: string, memberId: string) => `ballot/${proposalId}/${memberId}`,
  ballots: (proposalId: string) => ({ gt: `ballot/${proposalId}/`, lt: `ballot/${proposalId}/\xff` }),
  /** a consent proposal's objections, by the id of the op that raised each */
  objection: (proposalId: string, objectionId: string) => `obj/${proposalId}/${objectionId}`,
  objections: (proposalId: string) => ({ gt: `obj/${proposalId}/`, lt: `obj/${proposalId}/\xff` }),
  idem: (memberId: string, key: string) => `idem/${memberId}/${enc(key)}`,
  /** every idempotency key of a member that starts with `prefix` */
  idemPrefix: (memberId: string, prefix: string) => ({ gte: `idem/${memberId}/${enc(prefix)}`, lt: `idem/${memberId}/${enc(prefix)}\xff` }),
  balance: reusedKey3((memberId, period, stream) => `bal/${memberId}/${period}/${stream}`),
  balancePeriod: (memberId: string, period: string) => ({ gt: `bal/${memberId}/${period}/`, lt: `bal/${memberId}/${period}/\xff` }),
  /** the running credit total of one class of a month's entries (ledger/credit-totals.ts) */
  credit: (month: string, cls: CreditClass) => creditKey(month, cls.member, `${cls.stream}/${cls.endorsed ? 'e' : 'n'}/${moneySegment(cls)}/${outputSegment(cls)}`),
  /** every credit total of a month (YYYY-MM) */
  creditsOf: (month: string) => ({ gte: `${CREDIT_PREFIX}${month}/`, lt: `${CREDIT_PREFIX}${month}/\xff` }),
  rejection: (writerHex: string, seq: number, index: number | 'frame') =>
    `rej/${writerHex}/${String(seq).padStart(15, '0')}/${index === 'frame' ? 'frame' : String(index).padStart(5, '0')}`,
  rejections: { gt: 'rej/', lt: 'rej/\xff' },
  rulesVersion: (version: number) => `rules/version/${String(version).padStart(9, '0')}`,
  rulesVersions: { gt: 'rules/version/', lt: 'rules/version/\xff' },
  income: (id: string) => `income/${id}`,
  incomeIdem: (memberId: string, key: string) => `iidem/${memberId}/${enc(key)}`,
  statement: reusedKey1(month => `stmt/${month}`),
  statements: { gt: 'stmt/', lt: 'stmt/\xff' },
  /** a late change to a distributed month, by the op that made it */
  late: (month: string, opId: string) => `late/${month}/${opId}`,
  lateOf: (month: string) => ({ gt: `late/${month}/`, lt: `late/${month}/\xff` }),
  lates: { gt: 'late/', lt: 'late/\xff' },
  /** how many of a writer's blocks the view has taken in, and the time of its latest frame (view-head.ts) */
  writer: reusedKey1(writerHex => `writer/${writerHex}`),
  /** federation (docs/federation.md): federates by id, their check-ins by period, disputes */
  federate: (id: string) => `fed/${id}`,
  federates: { gt: 'fed/', lt: 'fed/\xff' },
  checkin: (federate: string, period: number) => `fedci/${federate}/${String(period).padStart(9, '0')}`,
  checkinsOf: (federate: string) => ({ gt: `fedci/${federate}/`, lt: `fedci/${federate}/\xff` }),
  dispute: (federate: string, evidenceHash: string) => `fedd/${federate}/${evidenceHash}`,
  disputesOf: (federate: string) => ({ gt: `fedd/${federate}/`, lt: `fedd/${federate}/\xff` }),
  disputes: { gt: 'fedd/', lt: 'fedd/\xff' },
  rejectionCount: (writerHex: string) => `rejn/${writerHex}`,
  rejectionCounts: { gt: 'rejn/', lt: 'rejn/\xff' }
}

const CREDIT_PREFIX = 'credit/'

/** keys.credit's text from its month, member and the rest of its class (key-strings.ts) */
const creditKey = reusedKey3((month, member, rest) => `${CREDIT_PREFIX}${month}/${member}/${rest}`)

/** `-`, or the currency and the amount's rest, `+` when it is 100 or more: `EUR:37+` (a unit name
 * and a currency code hold neither `/` nor `:`: validate.ts) */
function moneySegment ({ money }: CreditClass): string {
  return money === null ? '-' : `${money.currency}:${money.rest}${money.atLeast100 ? '+' : ''}`
}

/** `-`, or the unit and the quantity: `words:1234` */
function outputSegment ({ output }: CreditClass): string {
  return output === null ? '-' : `${output.unit}:${output.quantity}`
}

/** The class a `credit/` key names (keys.credit). */
export function parseCreditKey (key: string): CreditClass {
  const [, , member = '', stream, endorsed, money = '-', output = '-'] = key.split('/')
  const [currency = '', rest = ''] = money.split(':')
  const [unit = '', quantity = ''] = output.split(':')
  return {
    member,
    stream: stream as Stream,
    endorsed: endorsed === 'e',
    money: money === '-' ? null : { currency, rest: parseInt(rest, 10), atLeast100: rest.endsWith('+') },
    output: output === '-' ? null : { unit, quantity: Number(quantity) }
  }
}

/** The writer and position a `block/` key names. */
export function parseBlockKey (key: string): { writer: string, seq: number } {
  const [, writer = '', seq = ''] = key.split('/')
  return { writer, seq: Number(seq) }
}

/** The date and id an entry's key names. */
export function parseEntryKey (key: string): { date: string, id: string } {
  const date = key.slice(ENTRY_PREFIX.length, ENTRY_PREFIX.length + DATE_LENGTH)
  return { date, id: key.slice(ENTRY_PREFIX.length + DATE_LENGTH + 1) }
}

/**
 * Indexes: each key ends in `<date>/<id>`, so a range of dates is a range of keys, in date order.
 * Entries need none: their records are keyed by date already, and listings by member, stream or
 * project filter that one range on the records. Every key a contribution writes costs the bulk
 * import and a new node's catch-up a view block (bench P1, P4): an entry writes one, and its
 * block one more, which it writes whether or not it logged entries (`block/`); the balances and credit totals
 * it moves are shared by the block's entries of the same member, month and stream (and class), and
 * a batch writes each of them once.
 */
export type IndexName = 'income'

export function indexPrefix (index: IndexName): string {
  switch (index) {
    case 'income': return 'ix/i/'
  }
}

export function indexKey (index: IndexName, date: string, id: string): string {
  return `${indexPrefix(index)}${date}/${id}`
}
