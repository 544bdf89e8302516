/**
 * The keys of the view (a hyperbee, utf-8 keys, canonical-JSON values). One place names them
 * all, so that apply and the queries cannot drift apart. Free text that becomes part of a key
 * (project names, idempotency keys) is percent-encoded so that a "/" in it cannot reach into
 * another key's range.
 */
export declare const DIGEST_KEY = "sys/digest";
export declare const COOP_KEY = "meta/coop";
export declare const PROTOCOL_KEY = "rules/protocol";
export declare const INDEXERS_KEY = "rules/indexers";
export declare const ROLE_COUNTS_KEY = "meta/role-counts";
/** how many blocks apply has taken in: the length of the `order/` record */
export declare const ORDER_LENGTH_KEY = "meta/order-length";
/** the accounting rules in force (absent: version 0, the defaults) */
export declare const RULES_KEY = "rules/accounting";
/** the ledger time: each full member's latest written time, and their lower median (ledger-clock.ts) */
export declare const CLOCK_KEY = "meta/clock";
/** the minimum deliberation of proposals (absent: DEFAULT_DELIBERATION_HOURS) */
export declare const GOVERNANCE_RULES_KEY = "rules/governance";
/** how often nodes check in with federates (absent: every DEFAULT_CHECKIN_DAYS) */
export declare const FEDERATION_RULES_KEY = "rules/federation";
/** the cooperative's mirrors (absent: none): { keys: hex[] } (src/mirror) */
export declare const MIRRORS_KEY = "rules/mirrors";
export declare const keys: {
    member: (memberId: string) => string;
    members: {
        gt: string;
        lt: string;
    };
    device: (writerHex: string) => string;
    devices: {
        gt: string;
        lt: string;
    };
    /** an entry's record, under its work date (YYYY-MM-DD): a month's entries are one range, in date order */
    entry: (date: string, id: string) => string;
    /** the entries dated with this prefix of a date ('2026-11' is a month, '' all of them) */
    entriesDated: (prefix: string) => {
        gte: string;
        lt: string;
    };
    /** the entries dated from `from` to `to`, both included (dates, or prefixes of one) */
    entriesBetween: (from: string, to: string) => {
        gte: string;
        lt: string;
    };
    /** the work dates of the entries one block logged: how an entry id finds its key (block-dates.ts) */
    blockDates: (writerHex: string, seq: number) => string;
    invite: (idHex: string) => string;
    proposal: (id: string) => string;
    proposals: {
        gt: string;
        lt: string;
    };
    vote: (proposalId: string, memberId: string) => string;
    votes: (proposalId: string) => {
        gt: string;
        lt: string;
    };
    idem: (memberId: string, key: string) => string;
    /** every idempotency key of a member that starts with `prefix` */
    idemPrefix: (memberId: string, prefix: string) => {
        gte: string;
        lt: string;
    };
    balance: (memberId: string, period: string, stream: string) => string;
    balancePeriod: (memberId: string, period: string) => {
        gt: string;
        lt: string;
    };
    rejection: (writerHex: string, seq: number, index: number | "frame") => string;
    rejections: {
        gt: string;
        lt: string;
    };
    rulesVersion: (version: number) => string;
    rulesVersions: {
        gt: string;
        lt: string;
    };
    income: (id: string) => string;
    incomeIdem: (memberId: string, key: string) => string;
    statement: (month: string) => string;
    statements: {
        gt: string;
        lt: string;
    };
    /** a late change to a distributed month, by the op that made it */
    late: (month: string, opId: string) => string;
    lateOf: (month: string) => {
        gt: string;
        lt: string;
    };
    lates: {
        gt: string;
        lt: string;
    };
    /** the n-th block of the linearised order */
    order: (n: number) => string;
    orders: {
        gt: string;
        lt: string;
    };
    /** how many of a writer's blocks the view has taken in */
    applied: (writerHex: string) => string;
    /** federation (docs/federation.md): federates by id, their check-ins by period, disputes */
    federate: (id: string) => string;
    federates: {
        gt: string;
        lt: string;
    };
    checkin: (federate: string, period: number) => string;
    checkinsOf: (federate: string) => {
        gt: string;
        lt: string;
    };
    dispute: (federate: string, evidenceHash: string) => string;
    disputesOf: (federate: string) => {
        gt: string;
        lt: string;
    };
    disputes: {
        gt: string;
        lt: string;
    };
    rejectionCount: (writerHex: string) => string;
    rejectionCounts: {
        gt: string;
        lt: string;
    };
};
/** The date and id an entry's key names. */
export declare function parseEntryKey(key: string): {
    date: string;
    id: string;
};
/**
 * Indexes: each key ends in `<date>/<id>`, so a range of dates is a range of keys, in date order.
 * Entries need none: their records are keyed by date already, and listings by member, stream or
 * project filter that one range on the records. Every key a contribution writes costs the bulk
 * import and a new node's catch-up a view block (bench P1, P4): an entry writes one, and its
 * block one more for all the entries it logged (`block-dates/`).
 */
export type IndexName = 'income';
export declare function indexPrefix(index: IndexName): string;
export declare function indexKey(index: IndexName, date: string, id: string): string;
