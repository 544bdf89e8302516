import b4a from 'b4a'
import type Autobase from 'autobase'
import type { WakeupHint } from './wakeup-hints.js'

/** What this reads of autobase 7.28.1 (index.js) and protomux-wakeup 2.9.0: none of it in their READMEs. */
interface WakeupInternals {
  /** the writers a node announces to a peer that connects or asks (`onlookup`, `_wakeupPeer`) */
  _getWakeup: () => WakeupHint[]
  wakeupSession: {
    peers: Array<{ pending: boolean }>
    announce: (peer: { pending: boolean }, wakeup: WakeupHint[]) => void
  } | null
  isIndexer: boolean
  writable: boolean
  closing: Promise<void> | null
}

/**
 * Make this node's own log part of what it announces on autobase's wakeup protocol, and announce
 * it to every peer after each append.
 *
 * A peer fetches a non-indexer writer's new blocks only while it keeps that writer active (autobase
 * 7.28.1, `Writer.updateActivity`: a writer whose blocks are all applied goes inactive and its core
 * stops replicating; hypercore closes the idle channel). What wakes a writer up again at a peer is
 * an announce naming it (`hintWakeup`), and autobase announces only writers it has not yet
 * applied itself (`_getWakeup` skips a "flushed" one): a writer never announces its own log once
 * it applied its own append, which it does at once. So a member's new block reaches only peers that
 * happen to keep its writer active; when none of them does (a ring of members in which the indexer
 * is two hops away, every node having fast-forwarded past the member's admission), the block stays
 * on the member's own node for good (bench P11 stalled that way in setup at 12 and 20 writers).
 *
 * An indexer's log needs none of this: every node keeps the indexers' writers active. Returns what
 * undoes the wrapping; `announce` is to be called after each append.
 */
export function announceOwnLog (base: Autobase<unknown>): { announce: () => void, undo: () => void } {
  const internals = base as unknown as WakeupInternals
  const own = Object.prototype.hasOwnProperty.call(internals, '_getWakeup') ? internals._getWakeup : null
  const original = internals._getWakeup.bind(base)
  const ownHint = (): WakeupHint | null => {
    if (!internals.writable || internals.isIndexer || base.local.length === 0) return null
    return { key: base.local.key, length: base.local.length }
  }
  internals._getWakeup = () => {
    const hints = original()
    const mine = ownHint()
    if (mine === null || hints.some(h => b4a.equals(h.key, mine.key))) return hints
    return [...hints, mine]
  }
  return {
    announce: () => {
      const session = internals.wakeupSession
      const mine = ownHint()
      if (session === null || mine === null || internals.closing !== null) return
      for (const peer of session.peers) if (!peer.pending) session.announce(peer, [mine])
    },
    undo: () => {
      if (own !== null) internals._getWakeup = own
      else delete (internals as Partial<WakeupInternals>)._getWakeup
    }
  }
}
