/**
 * What applying the golden ledger gives: the view every honest node must hold after its blocks,
 * summarised so that a fixture can pin it. Applied through `Replay`, the from-scratch apply that
 * `disco verify` runs (the same `applyBlocks` as the node's apply).
 */
import sodium from 'sodium-native'
import b4a from 'b4a'
import { Replay } from '../../src/consensus/replay.js'
import { HEAD_KEY } from '../../src/consensus/view-layout.js'
import { headDigest } from '../../src/consensus/view-head.js'
import { linearBlocks } from './golden-ledger.js'
import type { GoldenBlock } from './golden-ledger.js'

export interface GoldenView {
  /** the view's own digest (the `digest` of `meta/head`) */
  digest: string
  /** how many keys the view holds */
  keys: number
  /** BLAKE2b-256 over every key and value in key order (length-prefixed): any change shows */
  contentHash: string
  /** each key with the BLAKE2b-256 of its value, so that a failing test can name the first difference */
  keyHashes: Array<[string, string]>
}

export async function replayGolden (blocks: GoldenBlock[]): Promise<{ view: GoldenView, replay: Replay }> {
  const replay = new Replay()
  await replay.addAll(linearBlocks(blocks))
  const sorted = replay.store.sorted()
  const digest = headDigest(replay.store.map.get(HEAD_KEY) ?? null)
  const all = b4a.alloc(32)
  const parts: Uint8Array[] = []
  const keyHashes: Array<[string, string]> = []
  for (const [key, value] of sorted) {
    const k = b4a.from(key)
    parts.push(lengthOf(k), k, lengthOf(value), value)
    keyHashes.push([key, hash([value])])
  }
  sodium.crypto_generichash_batch(all, parts)
  return {
    view: {
      digest: digest ?? '',
      keys: sorted.length,
      contentHash: b4a.toString(all, 'hex'),
      keyHashes
    },
    replay
  }
}

function lengthOf (b: Uint8Array): Uint8Array {
  const out = b4a.alloc(4)
  new DataView(out.buffer, out.byteOffset).setUint32(0, b.byteLength)
  return out
}

function hash (parts: Uint8Array[]): string {
  const out = b4a.alloc(32)
  sodium.crypto_generichash_batch(out, parts)
  return b4a.toString(out, 'hex')
}
