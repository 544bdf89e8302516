import BlindPairing from 'blind-pairing';
import crypto from 'hypercore-crypto';
import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { ADMIT_PROOF_BYTES, admitProof } from '../ledger/admission.js';
import { isMirrorKey } from '../ledger/mirrors.js';
import { LIMITS } from '../ledger/limits.js';
export function createInvite(ledgerKey, expires) {
    const inv = BlindPairing.createInvite(ledgerKey, { expires });
    return { code: Buffer.from(inv.invite).toString('base64url'), id: inv.id, publicKey: inv.publicKey, seed: inv.seed, expires };
}
/**
 * Sign `data` with the invite's key pair, or null when `seed` is not that invite's (a damaged seed
 * file): the joiner's blind-pairing refuses a whole answer whose hint does not verify, so a node
 * sends none rather than a bad one.
 */
export function signHint(seed, invitePublicKey, data) {
    const { publicKey, secretKey } = crypto.keyPair(seed);
    if (!b4a.equals(publicKey, invitePublicKey))
        return null;
    return { data, signature: crypto.sign(data, secretKey) };
}
/**
 * The system core key a hint names, or null: a hint of any other shape is ignored, not an error.
 * A hint is the system core key, then the keys of the cooperative's mirrors if it has any (32
 * bytes each): a joiner fetches the ledger from them too, before its own copy names them.
 */
export function systemKeyOfHint(data) {
    if (!isHint(data))
        return null;
    return data.byteLength === 32 ? data : data.subarray(0, 32);
}
/** The mirror keys (hex) a hint names after the system core key: [] for none or a bad hint. */
export function mirrorsOfHint(data) {
    if (!isHint(data))
        return [];
    const keys = [];
    for (let at = 32; at < data.byteLength && keys.length < LIMITS.mirrors; at += 32) {
        const key = data.subarray(at, at + 32);
        if (isMirrorKey(key))
            keys.push(b4a.toString(key, 'hex'));
    }
    return keys;
}
function isHint(data) {
    return data !== null && data !== undefined && data.byteLength >= 32 && data.byteLength % 32 === 0;
}
/** A code that does not decode (mistyped, cut short, tampered) is refused before any network. */
export function decodeInviteCode(code) {
    const text = code.trim();
    if (!/^[A-Za-z0-9_-]{40,400}$/.test(text))
        throw invalidCode();
    const invite = Buffer.from(text, 'base64url');
    if (invite.toString('base64url') !== text)
        throw invalidCode();
    try {
        const d = BlindPairing.decodeInvite(invite);
        return { invite, id: d.id, seed: d.seed, discoveryKey: d.discoveryKey, expires: d.expires };
    }
    catch {
        throw invalidCode();
    }
}
function invalidCode() {
    return new DiscoError('INVALID_INVITE', 'that is not a valid invite code: copy it again, whole');
}
/**
 * What a joiner sends with its request (blind-pairing's user data): its writer key, and its proof
 * that it holds the invite code, made for that key (ledger/admission.ts), which the answering node
 * puts in the `admit` op for apply to check.
 */
export function joinRequestData(code, writerKey) {
    const { seed, id } = decodeInviteCode(code);
    return b4a.concat([writerKey, admitProof(seed, id, writerKey)]);
}
/** The writer key and proof in a joiner's request, or null when it has another shape. */
export function parseJoinRequest(data) {
    if (data.byteLength !== 32 + ADMIT_PROOF_BYTES)
        return null;
    return { writer: data.subarray(0, 32), proof: data.subarray(32) };
}
/** Answers invites for one ledger on a swarm, for as long as the node runs. */
export class InviteResponder {
    pairing;
    member;
    constructor(swarm, discoveryKey, decide) {
        this.pairing = new BlindPairing(swarm);
        this.member = this.pairing.addMember({
            discoveryKey,
            onadd: async (request) => {
                const answer = await decide({
                    inviteId: request.inviteId,
                    open: publicKey => request.open(publicKey)
                });
                if (answer.admit === true)
                    request.confirm({ key: answer.key, encryptionKey: answer.encryptionKey, additional: answer.hint ?? null });
                else if (answer.admit === false)
                    request.deny({ status: answer.status });
            }
        });
    }
    async close() {
        await this.member.close();
        await this.pairing.close();
    }
}
/** The joiner's side: ask with the code, wait for a member's node to answer. */
export async function requestToJoin(swarm, code, writerKey, timeoutMs) {
    const { invite } = decodeInviteCode(code);
    const pairing = new BlindPairing(swarm);
    let timer;
    try {
        return await new Promise((resolve, reject) => {
            const candidate = pairing.addCandidate({
                invite,
                userData: joinRequestData(code, writerKey),
                onadd: async (result) => { resolve(result); }
            });
            // Without this, a refused joiner would retry forever (docs/DESIGN.md, "The stack").
            candidate.request.on('rejected', err => { reject(refusal(err.code)); });
            timer = setTimeout(() => {
                reject(new DiscoError('JOIN_TIMEOUT', `no member's node answered within ${Math.round(timeoutMs / 1000)} s: ` +
                    'check the code, and that a member runs "disco start"', 'state'));
            }, timeoutMs);
        });
    }
    finally {
        clearTimeout(timer);
        await pairing.close();
    }
}
function refusal(code) {
    if (code === 'INVITE_USED')
        return DiscoError.inviteUsed();
    if (code === 'INVITE_EXPIRED')
        return DiscoError.inviteExpired();
    return new DiscoError('INVITE_REFUSED', 'the cooperative refused this invite', 'state');
}
//# sourceMappingURL=invites.js.map