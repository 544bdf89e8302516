import crypto from 'hypercore-crypto';
import b4a from 'b4a';
/**
 * The proof an `admit` op carries that its joiner holds the invite code (docs/governance.md,
 * "Invites"). The code is blind-pairing's invite: its seed derives the invite's key pair, whose
 * public key the inviter recorded in the ledger. The joiner signs the invite id and its own writer
 * key with that pair; apply checks the signature against the recorded public key. So reading
 * `invite/<id>` from the view is not enough to spend an invite: a participant who does not hold
 * the code cannot admit a device of their own with it, and a proof made for one writer key admits
 * no other.
 */
const DOMAIN = b4a.from('disco/admit/1\n');
export const ADMIT_PROOF_BYTES = 64;
function message(inviteId, writer) {
    return b4a.concat([DOMAIN, inviteId, writer]);
}
/** The joiner's side: sign with the key pair the invite code's seed derives. */
export function admitProof(seed, inviteId, writer) {
    return crypto.sign(message(inviteId, writer), crypto.keyPair(seed).secretKey);
}
/** Apply's side, and the answering node's: does the proof come from the invite's key pair? */
export function verifyAdmitProof(invitePublicKey, inviteId, writer, proof) {
    if (proof.byteLength !== ADMIT_PROOF_BYTES || invitePublicKey.byteLength !== 32)
        return false;
    try {
        return crypto.verify(message(inviteId, writer), proof, invitePublicKey);
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=admission.js.map