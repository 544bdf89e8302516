/**
 * The words of every catalogued error: code → a function of the error's params. An error is its
 * code and params (plain JSON values); this is where they become a sentence, when it is shown.
 *
 * Why a catalogue: apply records a rejected op in the view, and the view's digest covers every
 * byte of it. Were the sentence stored, rewording one would make nodes of two releases hold
 * different views. The view stores `{ code, params }` only, so wording here is free to change
 * (PROTOCOL.md, "Rejections"); a code, a param's name or a `reason` key is not.
 *
 * `reason` params name one of a fixed set of sub-cases (the tables below): a new case is a new
 * key, never free text — free text in a param would be wording in the view again.
 *
 * Imports nothing, so that every layer may use it.
 */

/** A param: a plain JSON value (what canonical JSON stores as is). */
export type ErrorParam = string | number | boolean | null
export type ErrorParams = Readonly<Record<string, ErrorParam>>

const iso = (ms: number): string => new Date(ms).toISOString()
const plural = (n: number, one: string, many: string): string => n === 1 ? one : many

/** INVALID_DURATION: why a duration is refused */
export const DURATION_REASONS = {
  'minutes-over-59': () => 'minutes after hours must be under 60, e.g. 2h30m',
  'not-whole-minutes': () => 'not a whole number of minutes: write it as hours and minutes, e.g. 1h20m',
  format: () => 'expected e.g. 3h, 90m, 1h30m, 1.5h or 2:30',
  'too-short': () => 'must be at least one minute',
  'too-long': (p: { maxHours?: ErrorParam }) => `must be at most ${String(p.maxHours)} hours`,
  'clockify-hms': () => 'expected hours:minutes:seconds, e.g. 1:30:00',
  'clockify-decimal': () => 'expected decimal hours, e.g. 1.50',
  negative: () => 'a negative duration: durations are at least one minute (to shorten an entry, disco amend it with --duration)',
  'timer-too-long': (p: { maxHours?: ErrorParam }) => `a timer of more than ${String(p.maxHours)} hours is no entry: disco timer cancel, then log the work with disco log`,
  'import-hours': () => 'expected hours as 1:30:00, 1:30, 1.50 or 1,50',
  'too-many-digits': () => 'too many digits'
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type DurationReason = keyof typeof DURATION_REASONS

/** INVALID_DATE */
export const DATE_REASONS = {
  format: () => 'expected YYYY-MM-DD',
  'no-such-day': () => 'no such day',
  'out-of-range': () => 'must be between 2000-01-01 and 2099-12-31',
  'expected-format': (p: { format?: ErrorParam }) => `expected ${typeof p.format === 'string' ? p.format : 'YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY'}`
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type DateReason = keyof typeof DATE_REASONS

/** INVALID_AMOUNT */
export const AMOUNT_REASONS = {
  format: () => 'expected a plain decimal number such as 120.50',
  'no-minor-unit': (p: { currency?: ErrorParam }) => `${String(p.currency)} has no minor unit: give a whole number`,
  decimals: (p: { currency?: ErrorParam, places?: ErrorParam }) =>
    `${String(p.currency)} has ${String(p.places)} decimal place${plural(Number(p.places), '', 's')}`,
  'too-large': () => 'too large',
  'minor-units': () => 'must be a whole number of minor units, 0 or more',
  'income-nothing': () => 'income must be more than nothing',
  'pool-nothing': () => 'the pool must be more than nothing',
  'no-currency': () => 'the file names no currency for it'
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type AmountReason = keyof typeof AMOUNT_REASONS

/** INVALID_FIELD: `<field>: <reason>` */
export const FIELD_REASONS = {
  'not-text': () => 'must be text',
  empty: () => 'must not be empty',
  blank: () => 'empty',
  'control-characters': () => 'must not contain control characters',
  'not-unicode': () => 'is not valid Unicode text',
  'invite-must-expire': () => 'an invite must expire',
  deadline: () => 'must be a time or 0',
  'indexers-none': () => 'at least one device must index the ledger',
  'indexers-too-many': (p: { max?: ErrorParam }) => `at most ${String(p.max)} devices`,
  'device-twice': () => 'a device is named twice',
  'version-whole': () => 'must be a whole number of 1 or more',
  'money-not-livelihood': (p: { stream?: ErrorParam }) => `only livelihood entries carry money, this is ${String(p.stream)}`,
  'client-not-livelihood': (p: { stream?: ErrorParam }) => `only livelihood entries have a client, this is ${String(p.stream)}`,
  'commons-not-love': (p: { stream?: ErrorParam }) => `only love entries name a commons, this is ${String(p.stream)}`,
  'care-for': () => 'care work is for the collective or for a person',
  'for-not-care': (p: { stream?: ErrorParam }) => `only care entries say whom they were for, this is ${String(p.stream)}`,
  'for-only-care': () => 'only care work says whom it was for',
  'care-target': (p: { value?: ErrorParam }) => `"${String(p.value)}" is not collective or person`,
  'tags-too-many': (p: { max?: ErrorParam }) => `at most ${String(p.max)} tags`,
  'tag-twice': (p: { value?: ErrorParam }) => `"${String(p.value)}" is given twice`,
  'whole-up-to': (p: { max?: ErrorParam }) => `must be a whole number from 0 to ${String(p.max)}`,
  'split-none': () => 'at least one stream must get a share of the pool',
  'dater-credits': () => 'must be paid or recorded',
  'late-policy': () => 'must be carry or ignore',
  'period-kind': () => 'must be month or quarter',
  'stages-too-many': (p: { max?: ErrorParam }) => `at most ${String(p.max)} onboarding stages`,
  'cap-excess': () => 'must be share or keep',
  'cap-none': () => 'no cap (an amount of 0) names no currency',
  'units-too-many': (p: { max?: ErrorParam }) => `at most ${String(p.max)} output units`,
  'unit-twice': (p: { value?: ErrorParam }) => `the unit "${String(p.value)}" is named twice`,
  'unit-per': (p: { max?: ErrorParam }) => `must be a whole number from 1 to ${String(p.max)}`,
  'unit-name': (p: { max?: ErrorParam }) => `a unit is named by up to ${String(p.max)} lowercase letters, digits and "-", starting with a letter, e.g. words`,
  'output-quantity': (p: { max?: ErrorParam }) => `a quantity is a whole number from 1 to ${String(p.max)}`,
  'onboarding-stage': (p: { max?: ErrorParam }) => `must be an onboarding stage from 0 (none) to ${String(p.max)}`,
  'yes-or-no': () => 'must be yes or no',
  'edge-spaces': () => 'must not start or end with spaces',
  'federate-id': () => "must be a federate's id (64 hex)",
  trust: (p: { max?: ErrorParam }) => `must be a whole number from 0 to ${String(p.max)}`,
  stage: (p: { max?: ErrorParam }) => `must be a journey stage from 1 to ${String(p.max)}`,
  days: (p: { max?: ErrorParam }) => `must be a whole number of days from 1 to ${String(p.max)}`,
  'manifest-size': (p: { max?: ErrorParam }) => `must be 1 to ${String(p.max)} bytes`,
  'merkle-too-many': (p: { max?: ErrorParam }) => `at most ${String(p.max)} merkle nodes`,
  'merkle-node': () => 'a merkle node has a whole index and size',
  'signed-length': () => 'a signed length is 1 or more',
  'fork-id': () => 'a fork id is 0 or more',
  'signature-size': (p: { max?: ErrorParam }) => `a signature is 1 to ${String(p.max)} bytes`,
  'bidi-controls': () => 'must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)',
  'proof-size': (p: { max?: ErrorParam }) => `must be ${String(p.max)} bytes`,
  'mirrors-too-many': (p: { max?: ErrorParam }) => `at most ${String(p.max)} mirrors`,
  'not-mirror-key': (p: { value?: ErrorParam }) => `${String(p.value)}… is not a mirror key`,
  'mirror-twice': () => 'a mirror is named twice',
  hours: (p: { max?: ErrorParam }) => `must be a whole number of hours from 0 to ${String(p.max)}`,
  'decision-type': () => 'must be advice, consent, score, ranked or dots',
  'decision-kind': (p: { value?: ErrorParam }) => `a ${String(p.value)} decision is for motions only (the advice process lets the proposer decide, and a poll picks an option): use consent or the majority rule for a proposal with an effect`,
  'options-not-poll': () => 'only a poll (score, ranked, dots) has options',
  'budget-not-poll': () => 'only a score poll (its highest score) or a dot vote (its dots) has a budget',
  'options-count': (p: { max?: ErrorParam }) => `a poll has 2 to ${String(p.max)} options`,
  'option-twice': (p: { value?: ErrorParam }) => `"${String(p.value)}" is an option twice`,
  budget: (p: { max?: ErrorParam }) => `must be a whole number from 1 to ${String(p.max)}`,
  'ballot-whole': () => 'every number on a ballot is a whole number, 0 or more',
  'ballot-length': (p: { max?: ErrorParam }) => `give one number per option: ${String(p.max)}`,
  'ballot-score': (p: { max?: ErrorParam }) => `a score is from 0 to ${String(p.max)}`,
  'ballot-dots': (p: { max?: ErrorParam }) => `spread 1 to ${String(p.max)} dots in all`,
  'ballot-ranks': (p: { max?: ErrorParam }) => `rank 1 to ${String(p.max)} options`,
  'ballot-option': (p: { max?: ErrorParam }) => `the poll has options 1 to ${String(p.max)}`,
  'ballot-rank-twice': () => 'an option is ranked twice',
  'ballot-not-poll': () => 'only a poll (score, ranked, dots) takes a ballot',
  // the shape of a request on the control socket or the web API (service/input-shape.ts)
  'wrong-type': (p: { expected?: ErrorParam, value?: ErrorParam }) => `must be ${String(p.expected)}, not ${String(p.value)}`,
  'text-too-long': (p: { max?: ErrorParam }) => `is longer than ${String(p.max)} bytes`,
  'not-finite': () => 'must be a finite number',
  'list-too-long': (p: { max?: ErrorParam }) => `has more than ${String(p.max)} items`,
  'unknown-field': () => 'is not a field this command takes',
  required: () => 'is required',
  'not-flag': (p: { value?: ErrorParam }) => `must be 1 or 0, not "${String(p.value)}"`,
  'not-whole': (p: { value?: ErrorParam }) => `must be a whole number, not "${String(p.value)}"`
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type FieldReason = keyof typeof FIELD_REASONS

/** MALFORMED_FRAME. A decoder library's own error text is never a param: a new release of it
 * could reword it, and the rejection with it. */
export const FRAME_REASONS = {
  'unknown-value': (p: { name?: ErrorParam, value?: ErrorParam }) => `unknown ${String(p.name)} "${String(p.value)}"`,
  'unknown-tag': (p: { name?: ErrorParam, tag?: ErrorParam }) => `unknown ${String(p.name)} tag ${String(p.tag)}`,
  'empty-for-coop': () => 'an empty forCoop under the forCoop tag',
  'amend-mask': (p: { mask?: ErrorParam }) => `unknown amend fields in mask ${String(p.mask)}`,
  'no-decoder': (p: { version?: ErrorParam }) => `no decoder for protocol version ${String(p.version)}`,
  'op-count': (p: { count?: ErrorParam, max?: ErrorParam }) => `${String(p.count)} ops (1…${String(p.max)} allowed)`,
  'no-version-header': () => 'no version header',
  undecodable: () => 'the bytes do not decode (a field runs past the end, or is not what its type allows)',
  'trailing-bytes': (p: { bytes?: ErrorParam }) => `${String(p.bytes)} trailing bytes`,
  'cannot-re-encode': () => 'cannot re-encode the decoded ops',
  'not-canonical': () => 'not in canonical form'
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type FrameReason = keyof typeof FRAME_REASONS

/** NOT_ALLOWED: `a <role> may not <action>` */
export const ACTIONS = {
  propose: () => 'make proposals',
  vote: () => 'vote',
  'vote-members': () => 'vote on a proposal for members',
  endorse: () => 'endorse entries',
  'record-income': () => 'record income',
  'mark-paid': () => 'mark statements paid',
  'log-value': () => 'log value',
  invite: (p: { invitee?: ErrorParam }) => `invite a ${String(p.invitee)}`,
  close: () => 'close a proposal',
  'decide-advice': () => 'make an advice proposal: its proposer decides it, and only a binding voter decides'
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type Action = keyof typeof ACTIONS

/** DECISION_RULE: an op the proposal's decision type does not take, or not now (docs/governance.md, "Decision types") */
export const DECISION_RULE_REASONS = {
  'vote-on-poll': (p: { id?: ErrorParam, type?: ErrorParam }) => `proposal ${String(p.id)} is a ${String(p.type)} poll: cast a ballot (disco ballot), not a vote`,
  'consent-choice': (p: { id?: ErrorParam }) => `proposal ${String(p.id)} is decided by consent: consent (yes) or stand aside (abstain); to object, disco object with your reason`,
  'ballot-not-poll': (p: { id?: ErrorParam }) => `proposal ${String(p.id)} is no poll: vote on it (disco vote)`,
  'object-not-consent': (p: { id?: ErrorParam }) => `proposal ${String(p.id)} is not decided by consent: objections are raised on consent proposals (vote no or block here)`,
  'decide-not-advice': (p: { id?: ErrorParam }) => `proposal ${String(p.id)} is not an advice proposal: only the advice process is decided by its proposer`,
  'not-proposer': (p: { id?: ErrorParam }) => `only the proposer decides advice proposal ${String(p.id)}; you give advice with disco vote`,
  'advice-pending': (p: { id?: ErrorParam }) => `advice proposal ${String(p.id)} is still hearing advice: its proposer decides once the ledger time passes its deliberation, or every binding voter has advised`,
  'proposer-active': (p: { id?: ErrorParam }) => `advice proposal ${String(p.id)} is decided by its proposer (disco decide), not closed`,
  'objection-open': (p: { id?: ErrorParam }) => `you already have an open objection to proposal ${String(p.id)}: resolve or withdraw it first`,
  'objection-not-found': (p: { id?: ErrorParam }) => `no objection ${String(p.id)} to that proposal`,
  'objection-not-yours': (p: { id?: ErrorParam }) => `objection ${String(p.id)} is another participant's: only its objector resolves or withdraws it`,
  'objection-settled': (p: { id?: ErrorParam }) => `objection ${String(p.id)} is already resolved or withdrawn`,
  'objections-open': (p: { id?: ErrorParam }) => `proposal ${String(p.id)} has an open objection: it waits until the objection is resolved or withdrawn (or, with a deadline, fails at a close after it)`
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type DecisionRuleReason = keyof typeof DECISION_RULE_REASONS

/** INVALID_EVIDENCE, as apply checks a dispute */
export const EVIDENCE_REASONS = {
  'manifest-undecodable': () => 'the manifest cannot be decoded',
  'manifest-not-federates': () => "the manifest is not the federate's: its hash is not the federate's key",
  'witnessed-unsigned': () => 'the witnessed state is not signed by the federate',
  'observed-unsigned': () => 'the observed state is not signed by the federate',
  'same-history': () => 'both states sign the same history',
  'proof-mismatch': () => 'the merkle proof does not lead to the observed signed state',
  extends: () => 'the observed history extends the witnessed one',
  'one-history': () => 'the two states can belong to one history (a shorter one signed earlier)'
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type EvidenceReason = keyof typeof EVIDENCE_REASONS

/** A sub-case's words; an unknown reason (a view written by another release) still reads. */
type ConsentParams = { round?: ErrorParam, consents?: ErrorParam, standAsides?: ErrorParam, voters?: ErrorParam }
const advice = (p: { support?: ErrorParam, discourage?: ErrorParam, abstain?: ErrorParam }): string =>
  `${String(p.support)} support, ${String(p.discourage)} discourage, ${String(p.abstain)} abstain`
const consent = (p: ConsentParams): string =>
  `round ${String(p.round)}: ${String(p.consents)} consent, ${String(p.standAsides)} stand aside, of ${String(p.voters)}`
const ballots = (p: { ballots?: ErrorParam }): string => `${String(p.ballots)} binding ballot${plural(Number(p.ballots), '', 's')}`

/** DECIDED: why the decision rule decided a proposal as it did (src/ledger/governance.ts) */
export const DECISION_REASONS = {
  block: () => 'a binding block',
  majority: (p: { yes?: ErrorParam, voters?: ErrorParam }) => `${String(p.yes)} of ${String(p.voters)} binding votes yes`,
  'out-of-reach': (p: { yes?: ErrorParam, silent?: ErrorParam, voters?: ErrorParam }) =>
    `a majority is out of reach: ${String(p.yes)} yes and ${String(p.silent)} not voted, of ${String(p.voters)}`,
  'closed-with-no': (p: { no?: ErrorParam }) => `closed with ${String(p.no)} binding no`,
  lazy: () => 'closed after the deadline with no objection (lazy consensus)',
  // the decision types (src/ledger/decide-advice.ts, decide-consent.ts, decide-poll.ts)
  'advice-adopted': (p: { support?: ErrorParam, discourage?: ErrorParam, abstain?: ErrorParam }) =>
    `the proposer adopted it after hearing advice: ${advice(p)}`,
  'advice-dropped': (p: { support?: ErrorParam, discourage?: ErrorParam, abstain?: ErrorParam }) =>
    `the proposer dropped it after hearing advice: ${advice(p)}`,
  'advice-orphaned': (p: { support?: ErrorParam, discourage?: ErrorParam, abstain?: ErrorParam }) =>
    `the proposer can no longer decide (advice: ${advice(p)})`,
  'consent-unresolved': (p: { objections?: ErrorParam } & ConsentParams) =>
    `${String(p.objections)} objection${plural(Number(p.objections), '', 's')} unresolved at the deadline (${consent(p)})`,
  'consent-all': (p: ConsentParams) => `every binding voter consented or stood aside (${consent(p)})`,
  'consent-silence': (p: ConsentParams) => `no objection after the deliberation (${consent(p)}; silence is consent)`,
  'poll-no-ballot': () => 'no binding ballot was cast',
  'poll-no-score': (p: { ballots?: ErrorParam }) => `no option got a score in ${ballots(p)}`,
  'poll-score': (p: { option?: ErrorParam, total?: ErrorParam, ballots?: ErrorParam }) =>
    `"${String(p.option)}" has the highest total score, ${String(p.total)}, of ${ballots(p)}`,
  'poll-dots': (p: { option?: ErrorParam, total?: ErrorParam, ballots?: ErrorParam }) =>
    `"${String(p.option)}" has the most dots, ${String(p.total)}, of ${ballots(p)}`,
  'poll-runoff': (p: { option?: ErrorParam, round?: ErrorParam, votes?: ErrorParam, ballots?: ErrorParam }) =>
    `"${String(p.option)}" won the instant-runoff in round ${String(p.round)} with ${String(p.votes)} of ${ballots(p)}`
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type DecisionReason = keyof typeof DECISION_REASONS

/** EFFECT_FAILED: why a passed proposal could not take effect, so failed (src/consensus/effects.ts) */
export const EFFECT_REASONS = {
  'device-writes': () => 'that device already writes for a participant',
  'no-participant': () => 'no such participant',
  'participant-removed': () => 'that participant was removed',
  'already-removed': () => 'that participant was already removed',
  'last-indexer': () => 'it would remove the last indexer: choose other indexers first',
  'device-not-active': (p: { device?: ErrorParam }) => `device ${String(p.device).slice(0, 8)} is not an active participant's device`,
  'protocol-not-higher': (p: { active?: ErrorParam }) => `the protocol version is already ${String(p.active)}`,
  'already-federated': (p: { name?: ErrorParam }) => `already federated with it, as ${String(p.name)}`,
  'federate-name-taken': (p: { name?: ErrorParam }) => `another federate is called ${String(p.name)}`,
  'no-federate': () => 'no such federate',
  'nothing-to-distribute': (p: { month?: ErrorParam }) => `nobody earned credits that count in ${String(p.month)}`
} satisfies Record<string, (p: Record<string, ErrorParam>) => string>
export type EffectReason = keyof typeof EFFECT_REASONS

function sub (table: Record<string, (p: Record<string, ErrorParam>) => string>, p: Record<string, ErrorParam>, key = 'reason'): string {
  const render = table[String(p[key])]
  return render === undefined ? String(p[key]) : render(p)
}

type P = Record<string, ErrorParam>

/** Every catalogued code and its words. Keep one entry per DiscoError factory. */
/** "a quarter" for YYYY-Qn, else "a month" (the words these messages had before quarters) */
const periodWord = (period: ErrorParam | undefined): string => /Q\d$/.test(String(period)) ? 'a quarter' : 'a month'

export const MESSAGES = {
  // --- input: values
  INVALID_ARGUMENT: (p: P) => String(p.text),
  INVALID_DURATION: (p: P) => `invalid duration "${String(p.text)}": ${sub(DURATION_REASONS, p)}`,
  INVALID_DATE: (p: P) => `invalid date "${String(p.text)}": ${sub(DATE_REASONS, p)}`,
  INVALID_MONTH: (p: P) => `invalid month "${String(p.text)}": expected YYYY-MM, e.g. 2026-11`,
  INVALID_PERIOD: (p: P) => `invalid period "${String(p.text)}": expected a month, YYYY-MM (2026-11), or a quarter, YYYY-Qn (2026-Q4), between 2000 and 2099`,
  INVALID_AMOUNT: (p: P) => `invalid amount "${String(p.text)}": ${sub(AMOUNT_REASONS, p)}`,
  UNKNOWN_CURRENCY: (p: P) => `unknown currency "${String(p.code)}": expected an ISO 4217 code such as EUR, USD or JPY`,
  INVALID_STREAM: (p: P) => `invalid stream "${String(p.text)}": expected livelihood, love or care`,
  INVALID_FIELD: (p: P) => `${String(p.field)}: ${sub(FIELD_REASONS, p)}`,
  FIELD_TOO_LONG: (p: P) => `${String(p.field)} is longer than ${String(p.max)} bytes`,
  INVALID_ENTRY_ID: (p: P) => `invalid entry id "${String(p.text)}": expected the id that disco entries shows, e.g. 3f9a1c2b-4-0`,

  // --- input: wire format
  MALFORMED_FRAME: (p: P) => `malformed frame: ${sub(FRAME_REASONS, p)}`,
  FRAME_TOO_LARGE: (p: P) => `frame of ${String(p.bytes)} bytes is over the limit of ${String(p.max)}`,
  PROTOCOL_VERSION: (p: P) => `op written for protocol version ${String(p.version)}, the cooperative's active version is ${String(p.active)}`,
  CLOCK_WENT_BACK: (p: P) => `op time ${iso(Number(p.time))} is before this device's previous op (${iso(Number(p.last))})`,

  // --- input: references and rights
  NOT_FOUNDED: () => 'the ledger has not been founded yet',
  ALREADY_FOUNDED: () => 'the ledger is already founded',
  UNKNOWN_DEVICE: () => 'the writing device belongs to no member',
  NOT_ALLOWED: (p: P) => `a ${String(p.role)} may not ${sub(ACTIONS, p, 'action')}`,
  ENTRY_NOT_FOUND: (p: P) => `no entry ${String(p.id)}`,
  AMBIGUOUS_ENTRY_ID: (p: P) => `entry id "${String(p.id)}" matches ${String(p.count)} entries: give more of its id`,
  NOT_OWN_ENTRY: (p: P) => `entry ${String(p.id)} belongs to another member: only its author can change it`,
  ENTRY_RETRACTED: (p: P) => `entry ${String(p.id)} is retracted`,
  DUPLICATE_KEY: (p: P) => `idempotency key "${String(p.key)}" was already used by entry ${String(p.existing)}`,
  MEMBER_NOT_FOUND: (p: P) => `no member "${String(p.text)}"`,
  AMBIGUOUS_MEMBER: (p: P) => `"${String(p.text)}" matches ${String(p.count)} members: use the member id`,
  INVITE_NOT_FOUND: () => 'no such invite in the ledger',
  INVITE_USED: () => 'this invite was already used: ask for a new one',
  INVITE_EXPIRED: () => 'this invite has expired: ask for a new one',
  INVITE_EXISTS: () => 'an invite with this id is already recorded',
  WRITER_EXISTS: () => 'this device already writes for a member',
  REMOVED: () => 'this participant was removed from the cooperative',
  PROPOSAL_NOT_FOUND: (p: P) => `no proposal ${String(p.id)}`,
  PROPOSAL_DECIDED: (p: P) => `proposal ${String(p.id)} is already decided (${String(p.status)})`,
  CLOSE_TOO_EARLY: (p: P) => `proposal ${String(p.id)} cannot be closed before the ledger time passes ${iso(Number(p.until))} ` +
    `(it is ${iso(Number(p.now))}; it moves on as more than half of the members' nodes write)`,
  PROPOSAL_UNDECIDED: (p: P) => `proposal ${String(p.id)} has no majority of binding votes yet, and no deadline after which silence is consent`,
  DEADLINE_TOO_SOON: (p: P) => `the deadline ${iso(Number(p.deadline))} leaves less than the minimum deliberation: give one at or after ${iso(Number(p.earliest))}`,
  ADMIT_PROOF_INVALID: () => 'the admission does not prove that the joiner holds the invite code',
  INVITER_CANNOT_GRANT: (p: P) => `whoever made this invite may no longer admit a ${String(p.role)}`,
  OWN_ENTRY: (p: P) => `entry ${String(p.id)} is your own: another member must endorse it`,
  ALREADY_ENDORSED: (p: P) => `you already endorsed entry ${String(p.id)}`,
  MONTH_DISTRIBUTED: (p: P) => `${String(p.month)} is already distributed: ${periodWord(p.month)} is distributed once (disco statement ${String(p.month)})`,
  MONTH_NOT_OVER: (p: P) => `${String(p.month)} is not over yet: ${periodWord(p.month)} is distributed after its last day`,
  STATEMENT_NOT_FOUND: (p: P) =>
    `${String(p.month)} has not been distributed: no statement (disco propose distribute ${String(p.month)} <amount> <currency>)`,
  PERIOD_OVERLAPS: (p: P) => `${String(p.period)} overlaps ${String(p.distributed)}, which is already distributed: no work is paid twice`,
  PERIOD_KIND: (p: P) => `${String(p.period)} is not a ${String(p.expected)}: the rules distribute and evaluate by ${String(p.expected)} (disco rules)`,
  UNKNOWN_UNIT: (p: P) => `no output unit "${String(p.unit)}" in the rules in force (disco rules lists them; disco propose rules --unit adds one)`,
  ALREADY_PAID: (p: P) => `the statement of ${String(p.month)} is already marked paid`,
  EMPTY_AMEND: () => 'an amend must change at least one field',
  BALANCE_LIMIT: () => 'this entry would carry a balance past 2^53 minutes, beyond what the ledger counts exactly',
  UNKNOWN_FEDERATE: (p: P) => `no federated cooperative ${String(p.id).slice(0, 8)} (disco federation lists them)`,
  ALREADY_CHECKED_IN: (p: P) => `${String(p.name)} was already checked in this period (at length ${String(p.length)}, by ${String(p.op)})`,
  DISPUTE_RECORDED: (p: P) => `this evidence against ${String(p.name)} is already recorded`,
  INVALID_CHECKIN: () => "the check-in's signature is not the federate's",
  INVALID_EVIDENCE: (p: P) => sub(EVIDENCE_REASONS, p),
  DECISION_RULE: (p: P) => sub(DECISION_RULE_REASONS, p),

  // --- a proposal's outcome (stored in the view as code and params, like a rejection)
  DECIDED: (p: P) => sub(DECISION_REASONS, p),
  EFFECT_FAILED: (p: P) => sub(EFFECT_REASONS, p),

  // --- input: files
  BAD_ROWS: (p: P) => {
    const n = Number(p.count)
    return `${n} bad row${plural(n, '', 's')}, nothing imported: fix ${plural(n, 'it', 'them')} or pass --skip-bad to import the rest`
  },
  FILE_UNREADABLE: (p: P) => `cannot read ${String(p.path)}: ${String(p.why)}`,

  // --- state
  NOT_INITIALISED: (p: P) => `no ledger in ${String(p.storage)}: run "disco init --name <cooperative>" first, or pass --storage`,
  ALREADY_INITIALISED: (p: P) => `${String(p.storage)} already holds a ledger`,
  BAD_CONFIG: (p: P) => `${String(p.path)}: ${String(p.why)}`,
  STORE_BUSY: (p: P) => `${String(p.storage)} is in use by another disco process`,
  STORE_COPIED: (p: P) => `${String(p.storage)} was copied or moved here from elsewhere; a copy would fork this device's log. ` +
    'Put the original back, or pair this machine as a new device (disco invite --device on a device of yours, then disco join here)',
  DEVICE_FORKED: () => "this device's log forked (was it restored from an old backup?): peers have frozen it. " +
    'Pair this machine again as a new device (disco invite --device, then disco join with a new --storage)',
  LOG_TAIL_LOST: (p: P) => {
    const lost = Number(p.acked) - Number(p.length)
    return `this device's own log has ${String(p.length)} blocks on disk, but ${String(p.acked)} were acknowledged: ` +
      `the last ${lost} ${plural(lost, 'was', 'were')} lost from ${String(p.storage)} (a damaged write-ahead log, or a power cut before the disk wrote them). ` +
      'Nothing was changed, and this device writes nothing until they are back: writing over them would fork its log. ' +
      (p.timeoutMs === null || p.timeoutMs === undefined
        ? 'Run disco repair (or disco start) with a peer reachable: peers hold the lost blocks, signed by this device, and give them back'
        : `No peer gave them back within ${Math.round(Number(p.timeoutMs) / 1000)} s (${String(p.peers)} connected): run disco repair again when a peer that received them is online. ` +
          'If none ever did, pair this machine again as a new device (disco invite --device on another device of yours, then disco join with a new --storage)')
  },
  STORE_NOT_REPAIRABLE: (p: P) => `the store in ${String(p.storage)} cannot be rebuilt as this device: ${String(p.why)}. ` +
    'Nothing was changed. Pair this machine again as a new device (disco invite --device on another device of yours, ' +
    'then disco join with a new --storage): your peers give it the whole ledger, this device\'s entries included',
  REPAIR_UNFINISHED: (p: P) => `the view has not taken in this device's whole log (${String(p.localLength)} blocks) within ${Math.round(Number(p.timeoutMs) / 1000)} s ` +
    `(${String(p.peers)} peers connected, ${String(p.length)} blocks of the ledger ordered): run disco repair again with a peer online. ` +
    'Its own log is whole, and nothing was lost',
  NOT_CONFIRMED: (p: P) => `no peer confirmed holding the entry within ${Math.round(Number(p.timeoutMs) / 1000)} s. ` +
    'It is saved on this device and will reach the others when a peer connects',
  DISK_FULL: (p: P) => `the disk holding ${String(p.storage)} is full: the last change was not saved. ` +
    'Free some space and start the node again; everything it acknowledged is kept',
  UPGRADE_REQUIRED: (p: P) => `upgrade required: ${String(p.reason)}`,
  REBUILD_STALLED: (p: P) => `rebuilding the view stopped at ${String(p.applied)} of ${String(p.target)} blocks: ${String(p.why)}. ` +
    'Nothing was lost: the old view is kept, and the next start tries again',
  NOT_WRITABLE: () => 'this device is not a writer of the ledger',
  CLOSED: () => 'the node is closed'
} satisfies Record<string, (p: P) => string>

export type CataloguedCode = keyof typeof MESSAGES
export type Catalogue = Record<CataloguedCode, (p: P) => string>

let active: Catalogue = MESSAGES

/**
 * Render with another catalogue from now on (a translation; the tests, to prove that no wording
 * reaches the view). Returns the catalogue it replaces.
 */
export function useCatalogue (catalogue: Catalogue): Catalogue {
  const before = active
  active = catalogue
  return before
}

/**
 * The words for a code and its params. Never throws: a code this release does not know, or params
 * it cannot render (a view written by another release), read as the code and its params.
 */
export function renderError (code: string, params: ErrorParams, catalogue: Catalogue = active): string {
  const render = (catalogue as Record<string, ((p: P) => string) | undefined>)[code]
  if (render !== undefined) {
    try {
      return render(params)
    } catch {}
  }
  return `${code} ${JSON.stringify(params)}`
}
