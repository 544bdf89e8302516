import sodium from 'sodium-native';
import b4a from 'b4a';
import { DIGEST_KEY } from './view-layout.js';
/**
 * The view's order-independent digest (docs/DESIGN.md, "The digest"): the sum, modulo 2^256, of
 * BLAKE2b-256(key length, key, value) over every key/value in the view but the digest itself.
 * A write adds its pair's hash and subtracts the one it replaces, so apply keeps it current at
 * the cost of one hash per write; two views with the same content have the same digest
 * whatever order it was written in.
 */
const LEN = new Uint8Array(4);
const LEN_VIEW = new DataView(LEN.buffer);
const HASH = new Uint8Array(32);
const HASH_VIEW = new DataView(HASH.buffer);
/** BLAKE2b-256(key length, key, value), into the shared HASH buffer. */
function hashPair(key, value) {
    const k = b4a.from(key);
    LEN_VIEW.setUint32(0, k.byteLength);
    sodium.crypto_generichash_batch(HASH, [LEN, k, value]);
}
/**
 * The running sum, as eight 32-bit limbs (least significant first) rather than a BigInt: apply
 * adds and subtracts two hashes for most writes, and limbs keep that free of allocation.
 */
export class DigestSum {
    limbs = new Uint32Array(8);
    /** the sum a view's stored digest (64 hex digits, big-endian) stands for */
    static fromHex(hex) {
        const sum = new DigestSum();
        for (let i = 0; i < 8; i++)
            sum.limbs[i] = parseInt(hex.slice(56 - 8 * i, 64 - 8 * i), 16);
        return sum;
    }
    add(key, value) {
        hashPair(key, value);
        let carry = 0;
        for (let i = 0; i < 8; i++) {
            const total = this.limbs[i] + HASH_VIEW.getUint32(28 - 4 * i) + carry;
            this.limbs[i] = total >>> 0;
            carry = total > 0xffffffff ? 1 : 0;
        }
    }
    remove(key, value) {
        hashPair(key, value);
        let borrow = 0;
        for (let i = 0; i < 8; i++) {
            const total = this.limbs[i] - HASH_VIEW.getUint32(28 - 4 * i) - borrow;
            this.limbs[i] = total >>> 0;
            borrow = total < 0 ? 1 : 0;
        }
    }
    hex() {
        let out = '';
        for (let i = 7; i >= 0; i--)
            out += this.limbs[i].toString(16).padStart(8, '0');
        return out;
    }
}
/** The digest recomputed from every key in a view: what the incremental one must equal. */
export async function scanDigest(bee) {
    const digest = new DigestSum();
    for await (const { key, value } of bee.createReadStream()) {
        if (key !== DIGEST_KEY)
            digest.add(key, value);
    }
    return digest.hex();
}
//# sourceMappingURL=digest.js.map