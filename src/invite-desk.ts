import b4a from 'b4a'
import { getDevice, getInvite, getRejection } from './consensus/queries.js'
import { opId } from './ledger/ids.js'
import type { Rejection } from './consensus/apply.js'
import type { Invite } from './ledger/members.js'
import type { InviteAnswer, InviteRequest } from './net/invites.js'
import type { DiscoNode } from './node.js'

/**
 * A running node answers a joiner's request: it checks the invite the ledger records (unknown,
 * used, expired), checks the request is signed for that invite, appends the admission and hands
 * over the ledger key and encryption key. Blind-pairing enforces neither expiry nor single use
 * (STACK.md): this does, and apply enforces them again (the first admission wins).
 * It may run more than once for one request, so answering again for the same joiner is fine.
 */
export async function answerInvite (node: DiscoNode, req: InviteRequest, now = Date.now()): Promise<InviteAnswer> {
  const idHex = b4a.toString(req.inviteId, 'hex')
  const inv = await readInvite(node, idHex)
  if (inv === null) return { admit: null }
  let writer: Uint8Array
  try {
    writer = req.open(b4a.from(inv.publicKey, 'hex'))
  } catch {
    return { admit: false, status: 1 }
  }
  if (writer.byteLength !== 32) return { admit: false, status: 1 }
  const writerHex = b4a.toString(writer, 'hex')
  const welcome: InviteAnswer = { admit: true, key: node.key, encryptionKey: node.encryptionKeyForPairing() }

  if (inv.usedBy !== null) return inv.usedBy === writerHex ? welcome : { admit: false, status: 2 }
  if (now > inv.expires) return { admit: false, status: 3 }

  // a device already admitted (by an `admit` proposal) is let in without using the invite
  const snap = node.snapshot()
  try {
    if (await getDevice(snap, writerHex) !== null) return welcome
  } finally {
    await snap.close()
  }

  const [ref] = await node.append([{ type: 'admit', inviteId: req.inviteId, writer }])
  const rejection = await readRejection(node, opId(ref!))
  if (rejection === null) return welcome
  if (rejection.code === 'INVITE_USED') return { admit: false, status: 2 }
  if (rejection.code === 'INVITE_EXPIRED') return { admit: false, status: 3 }
  return { admit: false, status: 1 }
}

async function readInvite (node: DiscoNode, idHex: string): Promise<Invite | null> {
  const snap = node.snapshot()
  try { return await getInvite(snap, idHex) } finally { await snap.close() }
}

async function readRejection (node: DiscoNode, id: string): Promise<Rejection | null> {
  const snap = node.snapshot()
  try { return await getRejection(snap, id) } finally { await snap.close() }
}
