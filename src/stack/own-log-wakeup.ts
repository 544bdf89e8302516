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
 * A peer's autobase fetches a non-indexer writer's new blocks only while it keeps that writer open
 * and active, or when an announce names the writer (`hintWakeup`), or when a core it opened as a
 * writer grows (its `AutoWakeup` hooks only cores marked with the base as `referrer`, which it marks
 * when it opens a writer itself). Autobase announces only writers it has not applied yet
 * (`_getWakeup` skips a "flushed" one), and only when a peer connects or asks or a coupled core gets
 * a new peer: a writer applies its own append at once, so it announces its own log only if one of
 * those happens in between. A peer that fast-forwarded past the member's admission never opened
 * the member's log in autobase, and the node's full copy (node/full-copy.ts) holds it open by key,
 * so the channel is already there: the peer's core learns the new length, its autobase hears
 * nothing, and nodes behind it never get the block (bench P11's setup stalled that way at 12 and
 * 20 writers; docs/upstream.md, 5, shows it with autobase alone).
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
      for (const peer of session.peers) {
        if (peer.pending) continue
        // a hint, best effort: a peer whose stream is closing misses it, and the block written
        // stays written (the next connection announces it again, through _getWakeup)
        try { session.announce(peer, [mine]) } catch {}
      }
    },
    undo: () => {
      if (own !== null) internals._getWakeup = own
      else delete (internals as Partial<WakeupInternals>)._getWakeup
    }
  }
}
