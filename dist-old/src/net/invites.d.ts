import type Hyperswarm from 'hyperswarm';
import type { PairingResult } from 'blind-pairing';
/**
 * Invites over blind-pairing, as the reference app autopass does them. An invite code is the
 * blind-pairing invite (a seed and the ledger's discovery key), base64url: whoever holds it can ask
 * to join, once, before it expires. This file only moves requests and answers; deciding whether
 * to admit is the node's (it reads the ledger).
 */
export interface NewInvite {
    /** what the inviter hands over: secret, single use */
    code: string;
    id: Uint8Array;
    publicKey: Uint8Array;
    /** the invite's key pair seed (the code's secret): kept by the inviting node, to sign a hint */
    seed: Uint8Array;
    expires: number;
}
export declare function createInvite(ledgerKey: Uint8Array, expires: number): NewInvite;
/**
 * Data an answer carries besides the keys (blind-pairing's `additional`), signed with the invite's
 * key pair: the joiner's blind-pairing checks the signature against the invite's public key, so only
 * a node holding the invite's seed can add it. Here it is the ledger's system core key, so that the
 * joiner can fast-forward (docs/architecture.md, "Network and invites").
 */
export interface SignedHint {
    data: Uint8Array;
    signature: Uint8Array;
}
/**
 * Sign `data` with the invite's key pair, or null when `seed` is not that invite's (a damaged seed
 * file): the joiner's blind-pairing refuses a whole answer whose hint does not verify, so a node
 * sends none rather than a bad one.
 */
export declare function signHint(seed: Uint8Array, invitePublicKey: Uint8Array, data: Uint8Array): SignedHint | null;
/**
 * The system core key a hint names, or null: a hint of any other shape is ignored, not an error.
 * A hint is the system core key, then the keys of the cooperative's mirrors if it has any (32
 * bytes each): a joiner fetches the ledger from them too, before its own copy names them.
 */
export declare function systemKeyOfHint(data: Uint8Array | null | undefined): Uint8Array | null;
/** The mirror keys (hex) a hint names after the system core key: [] for none or a bad hint. */
export declare function mirrorsOfHint(data: Uint8Array | null | undefined): string[];
export interface DecodedInvite {
    invite: Buffer;
    id: Buffer;
    /** the code's secret: the seed of the invite's key pair */
    seed: Buffer;
    discoveryKey: Buffer;
    expires: number;
}
/** A code that does not decode (mistyped, cut short, tampered) is refused before any network. */
export declare function decodeInviteCode(code: string): DecodedInvite;
/** What the node decides for one request. */
export type InviteAnswer = {
    admit: true;
    key: Uint8Array;
    encryptionKey: Uint8Array;
    hint?: SignedHint;
} | {
    admit: false;
    status: 1 | 2 | 3;
} | {
    admit: null;
};
export interface InviteRequest {
    inviteId: Uint8Array;
    /** check the request's signature against the invite's public key; returns what the joiner sent:
     * its writer key, then its admission proof (joinRequestData) */
    open: (publicKey: Uint8Array) => Uint8Array;
}
/**
 * What a joiner sends with its request (blind-pairing's user data): its writer key, and its proof
 * that it holds the invite code, made for that key (ledger/admission.ts), which the answering node
 * puts in the `admit` op for apply to check.
 */
export declare function joinRequestData(code: string, writerKey: Uint8Array): Uint8Array;
/** The writer key and proof in a joiner's request, or null when it has another shape. */
export declare function parseJoinRequest(data: Uint8Array): {
    writer: Uint8Array;
    proof: Uint8Array;
} | null;
/** Answers invites for one ledger on a swarm, for as long as the node runs. */
export declare class InviteResponder {
    private readonly pairing;
    private readonly member;
    constructor(swarm: Hyperswarm, discoveryKey: Uint8Array, decide: (req: InviteRequest) => Promise<InviteAnswer>);
    close(): Promise<void>;
}
/** The joiner's side: ask with the code, wait for a member's node to answer. */
export declare function requestToJoin(swarm: Hyperswarm, code: string, writerKey: Uint8Array, timeoutMs: number): Promise<PairingResult>;
