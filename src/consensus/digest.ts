import sodium from 'sodium-native'
import b4a from 'b4a'
import type { BeeReader } from 'hyperbee'
import { HEAD_KEY } from './view-layout.js'
import { parseJson } from './canonical-json.js'
import { headBody } from './view-head.js'
import type { HeadRecord } from './view-head.js'

/**
 * The view's order-independent digest (docs/DESIGN.md, "The digest"): the sum, modulo 2^256, of
 * BLAKE2b-256(key length, key, value) over every key/value in the view, where the value of the
 * view's head (`meta/head`, which holds the digest) is taken without its `digest` field
 * (view-head.ts, headBody).
 * A write adds its pair's hash and subtracts the one it replaces, so apply keeps it current at
 * the cost of one hash per write; two views with the same content have the same digest
 * whatever order it was written in.
 */
const HASH = new Uint8Array(32)
const HASH_VIEW = new DataView(HASH.buffer)
/** where a pair's input is laid out for one hash call: grown when a pair does not fit */
let input = b4a.allocUnsafe(4096)

/**
 * BLAKE2b-256(key length, key, value), into the shared HASH buffer. The three parts are written
 * into one buffer and hashed in one call (the same bytes in the same order, so the same hash as
 * hashing them in turn): a key's bytes need no buffer of their own, and a call with one input
 * costs the native binding less than one with three (a digest update for every key apply writes).
 */
function hashPair (key: string, value: Uint8Array): void {
  // at most 3 UTF-8 bytes per UTF-16 code unit
  const most = 4 + key.length * 3 + value.byteLength
  if (input.byteLength < most) input = b4a.allocUnsafe(Math.max(most, input.byteLength * 2))
  const keyBytes = b4a.write(input, key, 4)
  input[0] = keyBytes >>> 24
  input[1] = (keyBytes >>> 16) & 0xff
  input[2] = (keyBytes >>> 8) & 0xff
  input[3] = keyBytes & 0xff
  input.set(value, 4 + keyBytes)
  sodium.crypto_generichash(HASH, input.subarray(0, 4 + keyBytes + value.byteLength))
}

/**
 * The running sum, as eight 32-bit limbs (least significant first) rather than a BigInt: apply
 * adds and subtracts two hashes for most writes, and limbs keep that free of allocation.
 */
export class DigestSum {
  private readonly limbs = new Uint32Array(8)

  /** the sum a view's stored digest (64 hex digits, big-endian) stands for */
  static fromHex (hex: string): DigestSum {
    const sum = new DigestSum()
    for (let i = 0; i < 8; i++) sum.limbs[i] = parseInt(hex.slice(56 - 8 * i, 64 - 8 * i), 16)
    return sum
  }

  add (key: string, value: Uint8Array): void {
    hashPair(key, value)
    let carry = 0
    for (let i = 0; i < 8; i++) {
      const total = (this.limbs[i] as number) + HASH_VIEW.getUint32(28 - 4 * i) + carry
      this.limbs[i] = total >>> 0
      carry = total > 0xffffffff ? 1 : 0
    }
  }

  remove (key: string, value: Uint8Array): void {
    hashPair(key, value)
    let borrow = 0
    for (let i = 0; i < 8; i++) {
      const total = (this.limbs[i] as number) - HASH_VIEW.getUint32(28 - 4 * i) - borrow
      this.limbs[i] = total >>> 0
      borrow = total < 0 ? 1 : 0
    }
  }

  hex (): string {
    let out = ''
    for (let i = 7; i >= 0; i--) out += (this.limbs[i] as number).toString(16).padStart(8, '0')
    return out
  }
}

/** The digest recomputed from every key in a view: what the incremental one must equal. */
export async function scanDigest (bee: BeeReader): Promise<string> {
  const digest = new DigestSum()
  for await (const { key, value } of bee.createReadStream()) {
    digest.add(key, key === HEAD_KEY ? headBody(parseJson<HeadRecord>(value)) : value)
  }
  return digest.hex()
}
