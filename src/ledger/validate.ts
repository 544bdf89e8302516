import { DiscoError } from '../errors.js'
import { checkMinutes } from './duration.js'
import { checkDay } from './dates.js'
import { RULE_LIMITS, checkUnitName, validateRules } from './rules.js'
import { parsePeriod } from './periods.js'
import { currencyExponent } from './currency.js'
import { LIMITS, MAX_MONEY_MINOR, MAX_OUTPUT_QUANTITY } from './limits.js'
import { MAX_DELIBERATION_HOURS } from './ledger-time.js'
import { ADMIT_PROOF_BYTES } from './admission.js'
import { isCareTarget, isStream } from './streams.js'
import type { ContributionFields, ContributionPatch, Op, Output, ProposalAction } from './ops.js'
import { checkCheckinDays, checkFederateName, checkForCoop, checkManifestBytes, checkSignedState, checkTreeNodes, checkTrust } from './federation.js'
import { checkMirrorKeys } from './mirrors.js'
import { checkText } from './text.js'
import { BUDGET_RANGE, DECISION_TYPES, isPoll, typeDecidesKind } from './decision.js'
import type { DecisionSpec } from './decision.js'

/**
 * Content validation of ops, shared by the handlers (before anything is appended) and by apply
 * (on what arrives from peers). Throws a DiscoError naming the first problem; pure and
 * deterministic. What needs the ledger's state (roles, references) is checked in apply. A
 * check-in's or a dispute's signatures are hypercore's to check, not the ledger's: the node and
 * apply call consensus/validate-op.ts, which runs this and then those.
 */
export function validateOp (op: Op): void {
  switch (op.type) {
    case 'found':
      checkText('cooperative name', op.coopName, LIMITS.coopName, { required: true })
      checkText('member name', op.memberName, LIMITS.memberName, { required: true })
      return
    case 'contribution':
      validateContribution(op)
      checkText('idempotency key', op.key, LIMITS.key)
      if (op.forCoop !== undefined) checkForCoop(op.forCoop)
      return
    case 'amend':
      validatePatch(op.patch)
      return
    case 'retract':
      checkText('reason', op.reason, LIMITS.reason, { multiline: true })
      return
    case 'profile':
      checkText('name', op.name, LIMITS.memberName, { required: true })
      return
    case 'invite':
      if (!Number.isSafeInteger(op.expires) || op.expires < 1) throw DiscoError.invalidField('expires', 'invite-must-expire')
      return
    case 'admit':
      if (op.proof.byteLength !== ADMIT_PROOF_BYTES) throw DiscoError.invalidField('proof', 'proof-size', { max: ADMIT_PROOF_BYTES })
      return
    case 'propose':
      checkText('proposal text', op.text, LIMITS.proposalText, { multiline: true, required: op.action.kind === 'motion' })
      if (!Number.isSafeInteger(op.deadline) || op.deadline < 0) throw DiscoError.invalidField('deadline', 'deadline')
      validateAction(op.action)
      if (op.decision !== undefined) {
        validateDecision(op.decision)
        if (!typeDecidesKind(op.decision.type, op.action.kind)) throw DiscoError.invalidField('decision', 'decision-kind', { value: op.decision.type })
      }
      return
    case 'vote':
    case 'decide':
      checkText('reason', op.reason, LIMITS.reason, { multiline: true })
      return
    case 'object':
      checkText('reason', op.reason, LIMITS.reason, { multiline: true, required: true })
      return
    case 'resolve':
      checkText('note', op.note, LIMITS.reason, { multiline: true })
      return
    case 'ballot':
      // what each number means is the poll's to say: apply checks it against the proposal
      if (op.values.length > LIMITS.pollOptions) throw DiscoError.invalidField('ballot', 'list-too-long', { max: LIMITS.pollOptions })
      checkText('reason', op.reason, LIMITS.reason, { multiline: true })
      return
    case 'close':
    case 'endorse':
    case 'tick':
      return
    case 'income':
      checkMoney(op.money.amount, op.money.currency)
      if (op.money.amount === 0) throw DiscoError.invalidAmount('0', 'income-nothing')
      checkText('client', op.client, LIMITS.client, { required: true })
      checkDay(op.day)
      checkText('description', op.description, LIMITS.description, { multiline: true })
      checkText('idempotency key', op.key, LIMITS.key)
      return
    case 'paid':
      checkPeriod(op.month)
      checkDay(op.day)
      checkText('reference', op.reference, LIMITS.reference, { required: true })
      return
    case 'checkin':
      checkManifestBytes(op.manifest)
      checkSignedState('check-in', op)
      return
    case 'dispute':
      checkManifestBytes(op.manifest)
      checkSignedState('witnessed state', op.witnessed)
      checkSignedState('observed state', op.observed)
      checkTreeNodes('prefix', op.prefix)
      checkTreeNodes('extension', op.extension)
  }
}

/** A period on the wire: exactly YYYY-MM or YYYY-Qn (ledger/periods.ts), within the dates the ledger accepts. */
function checkPeriod (period: string): void {
  if (typeof period !== 'string' || parsePeriod(period) !== period) throw DiscoError.invalidPeriod(String(period))
}

function checkOutput (o: Output): void {
  checkUnitName(o.unit)
  if (!Number.isSafeInteger(o.quantity) || o.quantity < 1 || o.quantity > MAX_OUTPUT_QUANTITY) {
    throw DiscoError.invalidField('quantity', 'output-quantity', { max: MAX_OUTPUT_QUANTITY })
  }
}

/** The content checks of a decision spec (on the wire: a peer's may be a lie). */
export function validateDecision (d: DecisionSpec): void {
  if (!(DECISION_TYPES as readonly string[]).includes(d.type)) throw DiscoError.invalidField('decision', 'decision-type')
  if (!isPoll(d.type)) {
    if (d.options.length !== 0) throw DiscoError.invalidField('options', 'options-not-poll')
    if (d.budget !== 0) throw DiscoError.invalidField('budget', 'budget-not-poll')
    return
  }
  if (d.options.length < 2 || d.options.length > LIMITS.pollOptions) throw DiscoError.invalidField('options', 'options-count', { max: LIMITS.pollOptions })
  const seen = new Set<string>()
  for (const option of d.options) {
    checkText('option', option, LIMITS.pollOption, { required: true })
    if (option.trim() !== option) throw DiscoError.invalidField('option', 'edge-spaces')
    if (seen.has(option)) throw DiscoError.invalidField('options', 'option-twice', { value: option })
    seen.add(option)
  }
  const range = BUDGET_RANGE[d.type]
  if (!Number.isSafeInteger(d.budget) || d.budget < range.min || d.budget > range.max) {
    throw DiscoError.invalidField('budget', range.max === 0 ? 'budget-not-poll' : 'budget', { max: range.max })
  }
}

function validateAction (a: ProposalAction): void {
  switch (a.kind) {
    case 'admit':
      checkText('name', a.name, LIMITS.memberName, { required: true })
      return
    case 'indexers': {
      if (a.devices.length === 0) throw DiscoError.invalidField('indexers', 'indexers-none')
      if (a.devices.length > LIMITS.indexers) throw DiscoError.invalidField('indexers', 'indexers-too-many', { max: LIMITS.indexers })
      const seen = new Set(a.devices.map(d => Buffer.from(d).toString('hex')))
      if (seen.size !== a.devices.length) throw DiscoError.invalidField('indexers', 'device-twice')
      return
    }
    case 'protocol':
      if (!Number.isSafeInteger(a.version) || a.version < 1) throw DiscoError.invalidField('version', 'version-whole')
      return
    case 'rules':
      validateRules(a.rules)
      return
    case 'distribute':
      checkPeriod(a.month)
      checkMoney(a.pool.amount, a.pool.currency)
      if (a.pool.amount === 0) throw DiscoError.invalidAmount('0', 'pool-nothing')
      return
    case 'federate':
      checkFederateName(a.name)
      return
    case 'trust':
      checkTrust(a.value, a.stage)
      return
    case 'checkins':
      checkCheckinDays(a.days)
      return
    case 'deliberation':
      if (!Number.isSafeInteger(a.hours) || a.hours < 0 || a.hours > MAX_DELIBERATION_HOURS) {
        throw DiscoError.invalidField('deliberation', 'hours', { max: MAX_DELIBERATION_HOURS })
      }
      return
    case 'mirrors':
      checkMirrorKeys(a.keys)
      return
    case 'onboarding':
      if (!Number.isSafeInteger(a.stage) || a.stage < 0 || a.stage > RULE_LIMITS.stages) {
        throw DiscoError.invalidField('stage', 'onboarding-stage', { max: RULE_LIMITS.stages })
      }
      return
    default:
  }
}

/** A whole value entry: what a contribution says, or what an entry says after an amend. */
export function validateContribution (f: ContributionFields): void {
  if (!isStream(f.stream)) throw DiscoError.invalidStream(String(f.stream))
  if (f.output !== null) checkOutput(f.output)
  // an entry measured by its output alone may say 0 minutes; otherwise at least one
  if (f.output === null || f.minutes !== 0) checkMinutes(f.minutes)
  checkDay(f.day)
  checkText('description', f.description, LIMITS.description, { multiline: true })
  checkText('project', f.project, LIMITS.project)
  checkTags(f.tags)
  checkText('client', f.client, LIMITS.client)
  checkText('commons', f.commons, LIMITS.commons)
  if (f.money !== null) checkMoney(f.money.amount, f.money.currency)

  if (f.stream !== 'livelihood') {
    if (f.money !== null) throw DiscoError.invalidField('money', 'money-not-livelihood', { stream: f.stream })
    if (f.client !== '') throw DiscoError.invalidField('client', 'client-not-livelihood', { stream: f.stream })
  }
  if (f.stream !== 'love' && f.commons !== '') {
    throw DiscoError.invalidField('commons', 'commons-not-love', { stream: f.stream })
  }
  if (f.stream === 'care') {
    if (f.careFor === null || !isCareTarget(f.careFor)) throw DiscoError.invalidField('for', 'care-for')
  } else if (f.careFor !== null) {
    throw DiscoError.invalidField('for', 'for-not-care', { stream: f.stream })
  }
}

/** Each field of a patch on its own; the merged entry is validated again in apply. */
export function validatePatch (patch: ContributionPatch): void {
  if (Object.keys(patch).length === 0) throw DiscoError.emptyAmend()
  if (patch.stream !== undefined && !isStream(patch.stream)) throw DiscoError.invalidStream(String(patch.stream))
  // 0 only beside an output: the merged entry is checked as a whole in apply
  if (patch.minutes !== undefined && patch.minutes !== 0) checkMinutes(patch.minutes)
  if (patch.output !== undefined && patch.output !== null) checkOutput(patch.output)
  if (patch.day !== undefined) checkDay(patch.day)
  if (patch.description !== undefined) checkText('description', patch.description, LIMITS.description, { multiline: true })
  if (patch.project !== undefined) checkText('project', patch.project, LIMITS.project)
  if (patch.tags !== undefined) checkTags(patch.tags)
  if (patch.client !== undefined) checkText('client', patch.client, LIMITS.client)
  if (patch.commons !== undefined) checkText('commons', patch.commons, LIMITS.commons)
  if (patch.careFor !== undefined && patch.careFor !== null && !isCareTarget(patch.careFor)) {
    throw DiscoError.invalidField('for', 'care-for')
  }
  if (patch.money !== undefined && patch.money !== null) checkMoney(patch.money.amount, patch.money.currency)
}

export function checkMoney (amount: number, currency: string): void {
  currencyExponent(currency)
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_MONEY_MINOR) {
    throw DiscoError.invalidAmount(String(amount), 'minor-units')
  }
}

function checkTags (tags: string[]): void {
  if (tags.length > LIMITS.tags) throw DiscoError.invalidField('tags', 'tags-too-many', { max: LIMITS.tags })
  // at most LIMITS.tags: a scan of the ones before costs less than a Set an op (bench P1)
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string
    checkText('tag', tag, LIMITS.tag, { required: true })
    if (tags.indexOf(tag) < i) throw DiscoError.invalidField('tags', 'tag-twice', { value: tag })
  }
}
