import sodium from 'sodium-native'
import b4a from 'b4a'
import type { BeeReader } from 'hyperbee'
import { DIGEST_KEY } from './view-layout.js'

/**
 * The view's order-independent digest (DESIGN.md, "The digest"): the sum, modulo 2^256, of
 * BLAKE2b-256(key length, key, value) over every key/value in the view but the digest itself.
 * A write adds its pair's hash and subtracts the one it replaces, so apply keeps it current at
 * the cost of one hash per write; two views with the same content have the same digest
 * whatever order it was written in.
 */
const MOD = 1n << 256n
const LEN = new Uint8Array(4)

export function pairHash (key: string, value: Uint8Array): bigint {
  const k = b4a.from(key)
  new DataView(LEN.buffer).setUint32(0, k.byteLength)
  const out = b4a.alloc(32)
  sodium.crypto_generichash_batch(out, [LEN, k, value])
  return BigInt('0x' + b4a.toString(out, 'hex'))
}

export function addPair (digest: bigint, key: string, value: Uint8Array): bigint {
  return (digest + pairHash(key, value)) % MOD
}

export function removePair (digest: bigint, key: string, value: Uint8Array): bigint {
  return (digest - pairHash(key, value) + MOD) % MOD
}

export function digestToHex (digest: bigint): string {
  return digest.toString(16).padStart(64, '0')
}

export function digestFromHex (hex: string): bigint {
  return BigInt('0x' + hex)
}

/** The digest recomputed from every key in a view: what the incremental one must equal. */
export async function scanDigest (bee: BeeReader): Promise<string> {
  let digest = 0n
  for await (const { key, value } of bee.createReadStream()) {
    if (key === DIGEST_KEY) continue
    digest = addPair(digest, key, value)
  }
  return digestToHex(digest)
}
