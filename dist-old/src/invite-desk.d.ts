import type { InviteAnswer, InviteRequest } from './net/invites.js';
import type { DiscoNode } from './node.js';
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
export declare function answerInvite(node: DiscoNode, req: InviteRequest, now?: number): Promise<InviteAnswer>;
/**
 * Forget the seeds of this node's invites that the ledger shows used or expired (those answered
 * while this node was offline, or never): called when the node makes a new invite.
 */
export declare function forgetSpentSeeds(node: DiscoNode, now?: number): Promise<void>;
