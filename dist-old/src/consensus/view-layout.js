/**
 * The keys of the view (a hyperbee, utf-8 keys, canonical-JSON values). One place names them
 * all, so that apply and the queries cannot drift apart. Free text that becomes part of a key
 * (project names, idempotency keys) is percent-encoded so that a "/" in it cannot reach into
 * another key's range.
 */
export const DIGEST_KEY = 'sys/digest';
export const COOP_KEY = 'meta/coop';
export const PROTOCOL_KEY = 'rules/protocol';
export const INDEXERS_KEY = 'rules/indexers';
export const ROLE_COUNTS_KEY = 'meta/role-counts';
/** how many blocks apply has taken in: the length of the `order/` record */
export const ORDER_LENGTH_KEY = 'meta/order-length';
/** the accounting rules in force (absent: version 0, the defaults) */
export const RULES_KEY = 'rules/accounting';
/** the ledger time: each full member's latest written time, and their lower median (ledger-clock.ts) */
export const CLOCK_KEY = 'meta/clock';
/** the minimum deliberation of proposals (absent: DEFAULT_DELIBERATION_HOURS) */
export const GOVERNANCE_RULES_KEY = 'rules/governance';
/** how often nodes check in with federates (absent: every DEFAULT_CHECKIN_DAYS) */
export const FEDERATION_RULES_KEY = 'rules/federation';
/** the cooperative's mirrors (absent: none): { keys: hex[] } (src/mirror) */
export const MIRRORS_KEY = 'rules/mirrors';
const enc = encodeURIComponent;
const ENTRY_PREFIX = 'entry/';
const DATE_LENGTH = 'YYYY-MM-DD'.length;
export const keys = {
    member: (memberId) => `member/${memberId}`,
    members: { gt: 'member/', lt: 'member/\xff' },
    device: (writerHex) => `device/${writerHex}`,
    devices: { gt: 'device/', lt: 'device/\xff' },
    /** an entry's record, under its work date (YYYY-MM-DD): a month's entries are one range, in date order */
    entry: (date, id) => `${ENTRY_PREFIX}${date}/${id}`,
    /** the entries dated with this prefix of a date ('2026-11' is a month, '' all of them) */
    entriesDated: (prefix) => ({ gte: `${ENTRY_PREFIX}${prefix}`, lt: `${ENTRY_PREFIX}${prefix}\xff` }),
    /** the entries dated from `from` to `to`, both included (dates, or prefixes of one) */
    entriesBetween: (from, to) => ({ gte: `${ENTRY_PREFIX}${from}`, lt: `${ENTRY_PREFIX}${to}\xff` }),
    /** the work dates of the entries one block logged: how an entry id finds its key (block-dates.ts) */
    blockDates: (writerHex, seq) => `block-dates/${writerHex}/${String(seq).padStart(15, '0')}`,
    invite: (idHex) => `invite/${idHex}`,
    proposal: (id) => `prop/${id}`,
    proposals: { gt: 'prop/', lt: 'prop/\xff' },
    vote: (proposalId, memberId) => `vote/${proposalId}/${memberId}`,
    votes: (proposalId) => ({ gt: `vote/${proposalId}/`, lt: `vote/${proposalId}/\xff` }),
    idem: (memberId, key) => `idem/${memberId}/${enc(key)}`,
    /** every idempotency key of a member that starts with `prefix` */
    idemPrefix: (memberId, prefix) => ({ gte: `idem/${memberId}/${enc(prefix)}`, lt: `idem/${memberId}/${enc(prefix)}\xff` }),
    balance: (memberId, period, stream) => `bal/${memberId}/${period}/${stream}`,
    balancePeriod: (memberId, period) => ({ gt: `bal/${memberId}/${period}/`, lt: `bal/${memberId}/${period}/\xff` }),
    rejection: (writerHex, seq, index) => `rej/${writerHex}/${String(seq).padStart(15, '0')}/${index === 'frame' ? 'frame' : String(index).padStart(5, '0')}`,
    rejections: { gt: 'rej/', lt: 'rej/\xff' },
    rulesVersion: (version) => `rules/version/${String(version).padStart(9, '0')}`,
    rulesVersions: { gt: 'rules/version/', lt: 'rules/version/\xff' },
    income: (id) => `income/${id}`,
    incomeIdem: (memberId, key) => `iidem/${memberId}/${enc(key)}`,
    statement: (month) => `stmt/${month}`,
    statements: { gt: 'stmt/', lt: 'stmt/\xff' },
    /** a late change to a distributed month, by the op that made it */
    late: (month, opId) => `late/${month}/${opId}`,
    lateOf: (month) => ({ gt: `late/${month}/`, lt: `late/${month}/\xff` }),
    lates: { gt: 'late/', lt: 'late/\xff' },
    /** the n-th block of the linearised order */
    order: (n) => `order/${String(n).padStart(15, '0')}`,
    orders: { gt: 'order/', lt: 'order/\xff' },
    /** how many of a writer's blocks the view has taken in */
    applied: (writerHex) => `applied/${writerHex}`,
    /** federation (docs/federation.md): federates by id, their check-ins by period, disputes */
    federate: (id) => `fed/${id}`,
    federates: { gt: 'fed/', lt: 'fed/\xff' },
    checkin: (federate, period) => `fedci/${federate}/${String(period).padStart(9, '0')}`,
    checkinsOf: (federate) => ({ gt: `fedci/${federate}/`, lt: `fedci/${federate}/\xff` }),
    dispute: (federate, evidenceHash) => `fedd/${federate}/${evidenceHash}`,
    disputesOf: (federate) => ({ gt: `fedd/${federate}/`, lt: `fedd/${federate}/\xff` }),
    disputes: { gt: 'fedd/', lt: 'fedd/\xff' },
    rejectionCount: (writerHex) => `rejn/${writerHex}`,
    rejectionCounts: { gt: 'rejn/', lt: 'rejn/\xff' }
};
/** The date and id an entry's key names. */
export function parseEntryKey(key) {
    const date = key.slice(ENTRY_PREFIX.length, ENTRY_PREFIX.length + DATE_LENGTH);
    return { date, id: key.slice(ENTRY_PREFIX.length + DATE_LENGTH + 1) };
}
export function indexPrefix(index) {
    switch (index) {
        case 'income': return 'ix/i/';
    }
}
export function indexKey(index, date, id) {
    return `${indexPrefix(index)}${date}/${id}`;
}
//# sourceMappingURL=view-layout.js.map