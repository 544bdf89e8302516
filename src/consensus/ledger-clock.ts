import { lowerMedian } from '../ledger/ledger-time.js'
import type { Device, Member } from '../ledger/members.js'
import { CLOCK_KEY, keys } from './view-layout.js'
import type { ViewTx } from './view-tx.js'

/**
 * The ledger time as the view keeps it (the rule: ledger/ledger-time.ts). `members` holds, for each
 * full member who is not removed, the latest frame time any of their devices wrote (0 before their
 * first); `now` is the lower median of those, never less than it was.
 */
export interface ClockRecord {
  members: Record<string, number>
  now: number
}

const EMPTY: ClockRecord = { members: {}, now: 0 }

async function read (tx: ViewTx): Promise<ClockRecord> {
  return await tx.get<ClockRecord>(CLOCK_KEY) ?? EMPTY
}

async function write (tx: ViewTx, members: Record<string, number>, before: ClockRecord): Promise<void> {
  const median = lowerMedian(Object.values(members))
  const now = Math.max(before.now, median ?? 0)
  await tx.put(CLOCK_KEY, { members, now } satisfies ClockRecord)
}

/** The ledger time: what apply takes as "now". 0 before the founding. */
export async function ledgerNow (tx: ViewTx): Promise<number> {
  return (await read(tx)).now
}

/**
 * A device wrote a frame at `time` (already checked not to go back). Counts only when its member
 * is a full member: daters', contributors' and supporters' clocks move nothing.
 */
export async function noteFrameTime (tx: ViewTx, writerHex: string, time: number): Promise<void> {
  const device = await tx.get<Device>(keys.device(writerHex))
  if (device === null) return
  const clock = await read(tx)
  const latest = clock.members[device.member]
  if (latest === undefined || time <= latest) return
  await write(tx, { ...clock.members, [device.member]: time }, clock)
}

/**
 * A participant became a full member (found, admitted, a role change) or stopped being one (a role
 * change, a removal). A new member counts with the latest time their devices have written.
 */
export async function setClockMember (tx: ViewTx, member: Member, counts: boolean): Promise<void> {
  const clock = await read(tx)
  const members = { ...clock.members }
  if (counts) {
    let latest = 0
    for (const d of member.devices) latest = Math.max(latest, (await tx.get<Device>(keys.device(d)))?.lastTime ?? 0)
    members[member.id] = Math.max(latest, members[member.id] ?? 0)
  } else {
    if (!(member.id in members)) return
    delete members[member.id]
  }
  await write(tx, members, clock)
}
