import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { applyEntry, emptyBalance, isEmptyBalance } from '../ledger/balances.js'
import type { Balance } from '../ledger/balances.js'
import { entryFromContribution, entryMonth, patchedFields, withFields } from '../ledger/entries.js'
import type { Entry } from '../ledger/entries.js'
import { opId } from '../ledger/ids.js'
import { canInvite, canLogValue } from '../ledger/roles.js'
import { verifyAdmitProof } from '../ledger/admission.js'
import { ledgerNow, setClockMember } from './ledger-clock.js'
import { setWriterTime } from './writer-record.js'
import { validateContribution } from '../ledger/validate.js'
import type { Cooperative, Device, Invite, Member } from '../ledger/members.js'
import type { AdmitOp, AmendOp, ContributionOp, FoundOp, InviteOp, Op, OpRef, Output, ProfileOp, RetractOp } from '../ledger/ops.js'
import { unitOf } from '../ledger/rules.js'
import { currentRules } from './rules-state.js'
import { COOP_KEY, INDEXERS_KEY, LAYOUT_KEY, PROTOCOL_KEY, VIEW_LAYOUT, keys } from './view-layout.js'
import { addEntry, findEntry, replaceEntry } from './entry-store.js'
import { adjustRoleCount, author, claimKey, writerHex } from './context.js'
import type { OpContext } from './context.js'
import { close, propose, vote } from './governance.js'
import { endorse, income, paid } from './accounting.js'
import { ballot, decide, object, resolve } from './decision-ops.js'
import { noteLate } from './late.js'
import { checkin, checkForCoopTarget, dispute } from './federation.js'
import type { ViewTx } from './view-tx.js'
import { andThen } from './now-or-later.js'
import type { NowOrLater } from './now-or-later.js'

/**
 * The effects of one valid-looking op on the view. Throws a DiscoError (the rejection reason)
 * when the ledger's state forbids it, now or as the promise's rejection; the caller rolls back
 * whatever it had written. A contribution whose reads the batch holds is applied without waiting
 * (NowOrLater: most ops of a bulk import), every other op through its async reducer.
 */
export function reduce (op: Op, ctx: OpContext): NowOrLater<void> {
  switch (op.type) {
    case 'found': return found(op, ctx)
    case 'contribution': return contribution(op, ctx)
    case 'amend': return amend(op, ctx)
    case 'retract': return retract(op, ctx)
    case 'profile': return profile(op, ctx)
    case 'invite': return invite(op, ctx)
    case 'admit': return admit(op, ctx)
    case 'propose': return propose(op, ctx)
    case 'vote': return vote(op, ctx)
    case 'close': return close(op, ctx)
    case 'endorse': return endorse(op, ctx)
    case 'income': return income(op, ctx)
    case 'paid': return paid(op, ctx)
    case 'checkin': return checkin(op, ctx)
    case 'dispute': return dispute(op, ctx)
    case 'ballot': return ballot(op, ctx)
    case 'object': return object(op, ctx)
    case 'resolve': return resolve(op, ctx)
    case 'decide': return decide(op, ctx)
    // its frame's time was counted before the ops (apply.ts); it must come from a participant
    case 'tick': return andThen(author(ctx), () => {})
  }
}

async function found (op: FoundOp, ctx: OpContext): Promise<void> {
  if (await ctx.tx.get<Cooperative>(COOP_KEY) !== null) throw DiscoError.alreadyFounded()
  const memberId = ctx.writerHex
  await ctx.tx.put(COOP_KEY, { name: op.coopName, founder: memberId, foundedAt: ctx.time } satisfies Cooperative)
  await ctx.tx.put(PROTOCOL_KEY, { version: ctx.version })
  await ctx.tx.put(LAYOUT_KEY, { version: VIEW_LAYOUT })
  const founder: Member = { id: memberId, name: op.memberName, role: 'member', since: ctx.time, devices: [ctx.writerHex] }
  await ctx.tx.put(keys.member(memberId), founder)
  await ctx.tx.put(keys.device(ctx.writerHex), { member: memberId, since: ctx.time } satisfies Device)
  // the founding frame is the device's first: the founder's clock starts at its time
  await setWriterTime(ctx.tx, ctx.writerHex, ctx.time)
  // the founder is the first full member: the ledger time starts at their clock
  await setClockMember(ctx.tx, founder, true)
  // the founder's first device is the bootstrap writer, and so the first indexer
  await ctx.tx.put(INDEXERS_KEY, { devices: [ctx.writerHex] })
  await adjustRoleCount(ctx.tx, 'member', 1)
}

/** Each step waits for the one before, and only when it must (NowOrLater). */
function contribution (op: ContributionOp, ctx: OpContext): NowOrLater<void> {
  return andThen(author(ctx), member => {
    if (!canLogValue(member.role)) throw DiscoError.notAllowed(member.role, 'log-value')
    const target = op.forCoop === undefined ? undefined : checkForCoopTarget(op.forCoop, ctx)
    return andThen(target, () =>
      andThen(checkUnit(op.output, ctx), () =>
        andThen(op.key === '' ? undefined : claimKey(ctx, keys.idem(member.id, op.key), op.key), () => logEntry(op, ctx, member))))
  })
}

/** The entry a contribution logs, in the view, its member's balances and any late change. */
function logEntry (op: ContributionOp, ctx: OpContext, member: Member): NowOrLater<void> {
  const entry = entryFromContribution(op, { id: ctx.id, member: member.id, device: ctx.writerHex, time: ctx.time })
  return andThen(addEntry(ctx, entry), () =>
    andThen(addToBalances(ctx.tx, entry, 1), () => noteLate(ctx, 'logged', null, entry, member.id)))
}

/** An output is measured in a unit the rules in force name (docs/accounting.md, "Output"). */
function checkUnit (output: Output | null, ctx: OpContext): NowOrLater<void> {
  if (output === null) return
  return andThen(currentRules(ctx.tx), ({ rules }) => {
    if (unitOf(rules, output.unit) === undefined) throw DiscoError.unknownUnit(output.unit)
  })
}

/** The entry an amend or retract names, if its author may change it. */
async function ownLiveEntry (target: OpRef, ctx: OpContext): Promise<Entry> {
  const member = await author(ctx)
  const entry = await findEntry(ctx, target)
  const targetId = opId(target)
  if (entry === null) throw DiscoError.entryNotFound(targetId)
  if (entry.member !== member.id) throw DiscoError.notOwnEntry(targetId)
  if (entry.status === 'retracted') throw DiscoError.entryRetracted(targetId)
  return entry
}

async function amend (op: AmendOp, ctx: OpContext): Promise<void> {
  const entry = await ownLiveEntry(op.target, ctx)
  const fields = patchedFields(entry, op.patch)
  validateContribution(fields)
  // only a new output must name a unit in force: the rules may have dropped an old entry's unit since
  if (op.patch.output !== undefined) await checkUnit(op.patch.output, ctx)
  // an endorsement vouched for what the entry said: after an amend it must be given again
  const next: Entry = { ...withFields(entry, fields), amends: entry.amends + 1, lastAmend: ctx.id, endorsedBy: [] }

  await addToBalances(ctx.tx, entry, -1)
  await addToBalances(ctx.tx, next, 1)
  await replaceEntry(ctx, op.target, entry, next)
  await noteLate(ctx, 'amended', entry, next, entry.member)
}

async function retract (op: RetractOp, ctx: OpContext): Promise<void> {
  const entry = await ownLiveEntry(op.target, ctx)
  await addToBalances(ctx.tx, entry, -1)
  const next: Entry = { ...entry, status: 'retracted', retractReason: op.reason }
  await replaceEntry(ctx, op.target, entry, next)
  await noteLate(ctx, 'retracted', entry, next, entry.member)
}

async function profile (op: ProfileOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  await ctx.tx.put(keys.member(member.id), { ...member, name: op.name } satisfies Member)
}

/** An invite for a role needs a member; a member's own extra device, any participant. */
async function invite (op: InviteOp, ctx: OpContext): Promise<void> {
  const member = await author(ctx)
  if (op.role !== 'device' && !canInvite(member.role)) throw DiscoError.notAllowed(member.role, 'invite', { invitee: op.role })
  const key = keys.invite(writerHex(op.inviteId))
  if (await ctx.tx.get<Invite>(key) !== null) throw DiscoError.inviteExists()
  await ctx.tx.put(key, {
    id: writerHex(op.inviteId),
    publicKey: writerHex(op.publicKey),
    role: op.role,
    expires: op.expires,
    by: member.id,
    at: ctx.time,
    usedBy: null
  } satisfies Invite)
}

/**
 * The first admission of an invite wins; the joiner's writer key becomes a (non-indexer) writer.
 * Any participant's node may relay it, but only with the joiner's proof that they hold the invite
 * code (ledger/admission.ts); expiry is judged on the ledger time, and the inviter must still be
 * a participant who may grant what the invite grants.
 */
async function admit (op: AdmitOp, ctx: OpContext): Promise<void> {
  await author(ctx)
  const key = keys.invite(writerHex(op.inviteId))
  const inv = await ctx.tx.get<Invite>(key)
  if (inv === null) throw DiscoError.inviteNotFound()
  if (!verifyAdmitProof(b4a.from(inv.publicKey, 'hex'), op.inviteId, op.writer, op.proof)) throw DiscoError.admitProofInvalid()
  if (inv.usedBy !== null) throw DiscoError.inviteUsed()
  if (await ledgerNow(ctx.tx) > inv.expires) throw DiscoError.inviteExpired()
  const inviter = await ctx.tx.get<Member>(keys.member(inv.by))
  if (inviter === null || inviter.removedAt !== undefined || (inv.role !== 'device' && !canInvite(inviter.role))) {
    throw DiscoError.inviterCannotGrant(inv.role)
  }
  const device = writerHex(op.writer)
  if (await ctx.tx.get<Device>(keys.device(device)) !== null) throw DiscoError.writerExists()

  await ctx.tx.put(key, { ...inv, usedBy: device } satisfies Invite)
  await ctx.tx.put(keys.device(device), { member: inv.role === 'device' ? inv.by : device, since: ctx.time } satisfies Device)
  if (inv.role === 'device') {
    await ctx.tx.put(keys.member(inviter.id), { ...inviter, devices: [...inviter.devices, device] } satisfies Member)
  } else {
    await ctx.tx.put(keys.member(device), {
      id: device, name: '', role: inv.role, since: ctx.time, devices: [device]
    } satisfies Member)
    await adjustRoleCount(ctx.tx, inv.role, 1)
  }
  // Last, after every check: the view's writes roll back on a rejection, this would not.
  await ctx.host.addWriter(op.writer, { indexer: false })
}

/**
 * Add (1) or take away (-1) an entry in its member's balances of its month and of all time, one
 * after the other. Undefined rather than a promise when the batch held both (most entries of a
 * bulk import): an async step an op cost more than the sums (bench P1).
 */
function addToBalances (tx: ViewTx, entry: Entry, sign: 1 | -1): Promise<void> | undefined {
  const next = (balance: Balance | null): Balance | null => nextBalance(balance, entry, sign)
  const all = keys.balance(entry.member, 'all', entry.stream)
  const month = tx.update(keys.balance(entry.member, entryMonth(entry), entry.stream), next)
  return month === undefined ? tx.update(all, next) : month.then(async () => await tx.update(all, next))
}

/** The balance with the entry added or taken away; null when that leaves it empty (no key). */
function nextBalance (balance: Balance | null, entry: Entry, sign: 1 | -1): Balance | null {
  const next = applyEntry(balance ?? emptyBalance(), entry, sign)
  // minutes stay JSON numbers, exact while under 2^53: an entry that would pass it is refused
  // (over 2 × 10^11 entries of a month's length, by one member)
  if (!Number.isSafeInteger(next.minutes)) throw DiscoError.balanceLimit()
  return isEmptyBalance(next) ? null : next
}
