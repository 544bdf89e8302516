import { lowerMedian } from '../ledger/ledger-time.js'
import type { Device, Member } from '../ledger/members.js'
import { HEAD_KEY, keys } from './view-layout.js'
import { headOf } from './view-head.js'
import type { ClockRecord, HeadRecord, WriterRecord } from './view-head.js'
import type { ViewTx } from './view-tx.js'

/** The ledger time as the view keeps it, in the view's head (view-head.ts). */
export type { ClockRecord } from './view-head.js'

async function readHead (tx: ViewTx): Promise<HeadRecord> {
  return headOf(await tx.get<HeadRecord>(HEAD_KEY))
}

async function write (tx: ViewTx, members: Record<string, number>, head: HeadRecord): Promise<void> {
  const median = lowerMedian(Object.values(members))
  const now = Math.max(head.clock.now, median ?? 0)
  await tx.put(HEAD_KEY, { ...head, clock: { members, now } satisfies ClockRecord } satisfies HeadRecord)
}

/** The ledger time: what apply takes as "now". 0 before the founding. */
export async function ledgerNow (tx: ViewTx): Promise<number> {
  return (await readHead(tx)).clock.now
}

/**
 * A device wrote a frame at `time` (already checked not to go back). Counts only when its member
 * is a full member: daters', contributors' and supporters' clocks move nothing.
 */
export async function noteFrameTime (tx: ViewTx, writerHex: string, time: number): Promise<void> {
  const device = await tx.get<Device>(keys.device(writerHex))
  if (device === null) return
  const head = await readHead(tx)
  const latest = head.clock.members[device.member]
  if (latest === undefined || time <= latest) return
  await write(tx, { ...head.clock.members, [device.member]: time }, head)
}

/**
 * A participant became a full member (found, admitted, a role change) or stopped being one (a role
 * change, a removal). A new member counts with the latest time their devices have written.
 */
export async function setClockMember (tx: ViewTx, member: Member, counts: boolean): Promise<void> {
  const head = await readHead(tx)
  const members = { ...head.clock.members }
  if (counts) {
    let latest = 0
    for (const d of member.devices) latest = Math.max(latest, (await tx.get<WriterRecord>(keys.writer(d)))?.time ?? 0)
    members[member.id] = Math.max(latest, members[member.id] ?? 0)
  } else {
    if (!(member.id in members)) return
    delete members[member.id]
  }
  await write(tx, members, head)
}
