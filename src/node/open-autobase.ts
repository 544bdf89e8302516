import Autobase from 'autobase'
import type Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { apply } from '../consensus/apply.js'

export interface AutobaseOptions {
  /** the ledger's encryption key, for the first open after joining */
  encryptionKey: Uint8Array | null
  /** the system core to fast-forward to, for the first open after joining */
  fastForwardTo: Uint8Array | null
  /** how often an indexer acknowledges what it has seen (ms) */
  ackInterval: number
}

/**
 * The ledger as autobase holds it: encrypted, its writers' blocks applied by `apply`
 * (src/consensus) into a Hyperbee view. `key` null founds a new ledger.
 */
export function openAutobase (store: Corestore, key: Uint8Array | null, opts: AutobaseOptions): Autobase<Hyperbee> {
  return new Autobase<Hyperbee>(store, key, {
    valueEncoding: 'binary',
    encrypt: true,
    ...(opts.encryptionKey !== null ? { encryptionKey: opts.encryptionKey } : {}),
    ...(opts.fastForwardTo !== null ? { fastForward: { key: opts.fastForwardTo } } : {}),
    ackInterval: opts.ackInterval,
    open: store => new Hyperbee(store.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
    apply,
    close: async view => { await view.close() }
  })
}
