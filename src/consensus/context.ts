import b4a from 'b4a'
import type { HostCalls } from 'autobase'
import { DiscoError } from '../errors.js'
import type { Cooperative, Device, Member, RoleCounts } from '../ledger/members.js'
import type { Role } from '../ledger/roles.js'
import { COOP_KEY, ROLE_COUNTS_KEY, keys } from './view-layout.js'
import type { BlockDates } from './block-dates.js'
import type { ViewTx } from './view-tx.js'
import { andThen } from './now-or-later.js'
import type { NowOrLater } from './now-or-later.js'

/** Who wrote an op, where it sits, and when its author says it was written. */
export interface OpContext {
  tx: ViewTx
  host: HostCalls
  id: string
  writerHex: string
  /** the op's position in its block */
  index: number
  /** the entries its block has logged so far */
  block: BlockDates
  time: number
  version: number
}

/** The member the writing device belongs to, if they are still a participant: now when the batch
 * holds the records it reads (NowOrLater), a promise otherwise. */
export function author (ctx: OpContext): NowOrLater<Member> {
  return heldAuthor(ctx) ?? readAuthor(ctx)
}

async function readAuthor (ctx: OpContext): Promise<Member> {
  if (await ctx.tx.get<Cooperative>(COOP_KEY) === null) throw DiscoError.notFounded()
  const device = await ctx.tx.get<Device>(keys.device(ctx.writerHex))
  if (device === null) throw DiscoError.unknownDevice()
  return participant(await ctx.tx.get<Member>(keys.member(device.member)))
}

/**
 * `author` without waiting, when the batch holds the three records it reads (every op of a block
 * after the first: bench P1); undefined when it does not. The same checks, in the same order.
 */
function heldAuthor (ctx: OpContext): Member | undefined {
  const coop = ctx.tx.held<Cooperative>(COOP_KEY)
  if (coop === undefined) return undefined
  if (coop === null) throw DiscoError.notFounded()
  const device = ctx.tx.held<Device>(keys.device(ctx.writerHex))
  if (device === undefined) return undefined
  if (device === null) throw DiscoError.unknownDevice()
  const member = ctx.tx.held<Member>(keys.member(device.member))
  return member === undefined ? undefined : participant(member)
}

function participant (member: Member | null): Member {
  if (member === null) throw DiscoError.unknownDevice()
  if (member.removedAt !== undefined) throw DiscoError.removed()
  return member
}

export async function adjustRoleCount (tx: ViewTx, role: Role, delta: number): Promise<void> {
  const counts = await tx.get<RoleCounts>(ROLE_COUNTS_KEY) ?? {}
  await tx.put(ROLE_COUNTS_KEY, { ...counts, [role]: (counts[role] ?? 0) + delta } satisfies RoleCounts)
}

export function writerHex (key: Uint8Array): string {
  return b4a.toString(key, 'hex')
}

/** An idempotency key ('' for none) is used once: a second op with it is refused, naming the
 * first. Without waiting when there is no key or the batch holds its record (NowOrLater). */
export function claimKey (ctx: OpContext, viewKey: string, key: string): NowOrLater<void> {
  if (key === '') return
  return andThen(ctx.tx.read<{ id: string }>(viewKey), used => {
    if (used !== null) throw DiscoError.duplicateKey(key, used.id)
    // read just now: the batch holds the key
    ctx.tx.setHeld(viewKey, { id: ctx.id })
  })
}
