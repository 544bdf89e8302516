export declare const ADMIT_PROOF_BYTES = 64;
/** The joiner's side: sign with the key pair the invite code's seed derives. */
export declare function admitProof(seed: Uint8Array, inviteId: Uint8Array, writer: Uint8Array): Uint8Array;
/** Apply's side, and the answering node's: does the proof come from the invite's key pair? */
export declare function verifyAdmitProof(invitePublicKey: Uint8Array, inviteId: Uint8Array, writer: Uint8Array, proof: Uint8Array): boolean;
