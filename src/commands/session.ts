import { DiscoNode } from '../node/node.js'
import type { LedgerAccess } from '../node/ledger-access.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { defaultStorage } from '../node/storage.js'
import { DiscoError } from '../errors.js'
import { getDevice, getMember } from '../consensus/queries.js'
import type { Member } from '../ledger/members.js'
import b4a from 'b4a'

/** What every command is given: where the storage is. The CLI fills it from --storage. */
export interface CommandOptions {
  storage?: string
}

export function storageOf (opts: CommandOptions): string {
  return opts.storage ?? defaultStorage()
}

/** Open the storage's node, run a handler against it, and close it whatever happens. */
export async function withNode<T> (opts: CommandOptions, fn: (node: LedgerNode) => Promise<T>): Promise<T> {
  const node = await DiscoNode.open({ storage: storageOf(opts) })
  try {
    return await fn(node)
  } finally {
    await node.close()
  }
}

/** The member this device writes for. */
export async function localMember (node: LedgerAccess): Promise<Member> {
  const snap = node.snapshot()
  try {
    const device = await getDevice(snap, b4a.toString(node.localKey, 'hex'))
    const member = device === null ? null : await getMember(snap, device.member)
    if (member === null) throw new DiscoError('NOT_A_MEMBER', 'this device does not write for any member of the cooperative yet', 'state')
    return member
  } finally {
    await snap.close()
  }
}
