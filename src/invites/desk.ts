import b4a from 'b4a'
import { getDevice, getInvite, getRejection } from '../consensus/queries.js'
import { opId } from '../ledger/ids.js'
import type { StoredRejection } from '../consensus/apply.js'
import type { Invite } from '../ledger/members.js'
import { parseJoinRequest, signHint } from '../net/invites.js'
import { verifyAdmitProof } from '../ledger/admission.js'
import type { InviteAnswer, InviteRequest } from '../net/invites.js'
import type { LedgerAccess } from '../node/ledger-access.js'
import { forgetInviteSeed, keptInviteSeeds, readInviteSeed } from './seeds.js'
import { readMirrors } from '../mirror/rule.js'

/**
 * A running node answers a joiner's request: it checks the invite the ledger records (unknown,
 * used, expired), checks the request is signed for that invite, appends the admission and hands
 * over the ledger key and encryption key. Blind-pairing enforces neither expiry nor single use
 * (docs/DESIGN.md, "The stack"): this does, and apply enforces them again (the first admission wins).
 * It may run more than once for one request, so answering again for the same joiner is fine.
 *
 * The node that made the invite (it keeps the invite's seed) also hands over the ledger's current
 * system core key, signed with the invite's key pair, so that the joiner fast-forwards to it instead
 * of re-applying the whole ledger. This adds no trust the joiner did not already give: the same
 * inviter, through the same signed answer, already names the ledger and hands over its encryption
 * key. Any other node answers without it (the joiner then applies the ledger, only slower). The seed
 * is forgotten once the invite is spent, so an answer repeated after that carries no hint.
 */
export async function answerInvite (node: LedgerAccess, req: InviteRequest, now = Date.now()): Promise<InviteAnswer> {
  const idHex = b4a.toString(req.inviteId, 'hex')
  const inv = await readInvite(node, idHex)
  if (inv === null) return { admit: null }
  const publicKey = b4a.from(inv.publicKey, 'hex')
  let sent: ReturnType<typeof parseJoinRequest>
  try {
    sent = parseJoinRequest(req.open(publicKey))
  } catch {
    return { admit: false, status: 1 }
  }
  // apply checks the proof again: this only spares the ledger an admission it would refuse
  if (sent === null || !verifyAdmitProof(publicKey, req.inviteId, sent.writer, sent.proof)) return { admit: false, status: 1 }
  const { writer, proof } = sent
  const writerHex = b4a.toString(writer, 'hex')
  const seed = await readInviteSeed(node.storage, req.inviteId)
  const mirrors = await readLedgerMirrors(node)
  const hint = seed !== null ? signHint(seed, b4a.from(inv.publicKey, 'hex'), b4a.concat([node.systemKey, ...mirrors.map(k => b4a.from(k, 'hex'))])) : null
  const welcome: InviteAnswer = {
    admit: true,
    key: node.key,
    encryptionKey: node.encryptionKeyForPairing(),
    ...(hint !== null ? { hint } : {})
  }
  const spent = async (answer: InviteAnswer): Promise<InviteAnswer> => {
    if (seed !== null) await forgetInviteSeed(node.storage, req.inviteId).catch(() => {})
    return answer
  }

  if (inv.usedBy !== null) return await spent(inv.usedBy === writerHex ? welcome : { admit: false, status: 2 })
  if (now > inv.expires) return await spent({ admit: false, status: 3 })

  // a device already admitted (by an `admit` proposal) is let in without using the invite
  const snap = node.snapshot()
  try {
    if (await getDevice(snap, writerHex) !== null) return welcome
  } finally {
    await snap.close()
  }

  const [ref] = await node.append([{ type: 'admit', inviteId: req.inviteId, writer, proof }])
  const rejection = await readRejection(node, opId(ref!))
  if (rejection === null) return await spent(welcome)
  if (rejection.code === 'INVITE_USED') return await spent({ admit: false, status: 2 })
  if (rejection.code === 'INVITE_EXPIRED') return await spent({ admit: false, status: 3 })
  return { admit: false, status: 1 }
}

/**
 * Forget the seeds of this node's invites that the ledger shows used or expired (those answered
 * while this node was offline, or never): called when the node makes a new invite.
 */
export async function forgetSpentSeeds (node: LedgerAccess, now = Date.now()): Promise<void> {
  for (const id of await keptInviteSeeds(node.storage)) {
    const inv = await readInvite(node, b4a.toString(id, 'hex'))
    if (inv !== null && (inv.usedBy !== null || now > inv.expires)) await forgetInviteSeed(node.storage, id)
  }
}

/** the cooperative's mirrors, handed to the joiner with the system core key (net/invites.ts) */
async function readLedgerMirrors (node: LedgerAccess): Promise<string[]> {
  const snap = node.snapshot()
  try { return await readMirrors(snap) } finally { await snap.close() }
}

async function readInvite (node: LedgerAccess, idHex: string): Promise<Invite | null> {
  const snap = node.snapshot()
  try { return await getInvite(snap, idHex) } finally { await snap.close() }
}

async function readRejection (node: LedgerAccess, id: string): Promise<StoredRejection | null> {
  const snap = node.snapshot()
  try { return await getRejection(snap, id) } finally { await snap.close() }
}
