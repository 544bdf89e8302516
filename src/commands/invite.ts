import { DiscoError } from '../errors.js'
import { parseDuration } from '../ledger/duration.js'
import { INVITE_ROLES } from '../ledger/ops.js'
import type { InviteRole } from '../ledger/ops.js'
import { canInvite } from '../ledger/roles.js'
import { createInvite } from '../net/invites.js'
import { forgetSpentSeeds } from '../invites/desk.js'
import { forgetInviteSeed, saveInviteSeed } from '../invites/seeds.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { localMember } from './session.js'

export interface InviteInput {
  /** contributor or dater; or device, for another device of your own */
  role: string
  /** how long the code is valid: 24h by default (e.g. 30m, 2h, 168h) */
  expires?: string
}

export interface InviteOutput {
  /** the one-time code to hand over: whoever has it can join, once, until it expires */
  code: string
  id: string
  role: InviteRole
  expires: string
}

/** Record an invite in the ledger, so that any member's running node can answer it. */
export async function invite (node: LedgerNode, input: InviteInput, now = Date.now()): Promise<InviteOutput> {
  const role = input.role.trim().toLowerCase() as InviteRole
  if (!INVITE_ROLES.includes(role)) {
    throw DiscoError.invalidArgument(`--role must be contributor or dater (or use --device); a member or supporter is admitted by a proposal`)
  }
  const minutes = parseDuration(input.expires ?? '24h')
  const me = await localMember(node)
  if (role !== 'device' && !canInvite(me.role)) throw DiscoError.notAllowed(me.role, 'invite', { invitee: role })
  const expires = now + minutes * 60_000
  const created = createInvite(node.key, expires)
  // this node keeps the seed, to sign the fast-forward hint of its answer (src/invites/desk.ts)
  await saveInviteSeed(node.storage, created.id, created.seed)
  try {
    await node.append([{ type: 'invite', inviteId: created.id, publicKey: created.publicKey, role, expires }])
  } catch (err) {
    await forgetInviteSeed(node.storage, created.id).catch(() => {})
    throw err
  }
  await forgetSpentSeeds(node, now).catch(() => {})
  return { code: created.code, id: Buffer.from(created.id).toString('hex'), role, expires: new Date(expires).toISOString() }
}
