import type Autobase from 'autobase'

/** One entry of a wakeup announce: a core of the ledger and its length as the sender has it. */
export interface WakeupHint { key: Uint8Array, length: number }

interface WakeupInternals {
  hintWakeup (hints: WakeupHint | WakeupHint[]): void
  views (): Array<{ key: Uint8Array }>
}

/**
 * Put `filter` between the wakeup announces a node receives and autobase, which reads each entry
 * as a writer's log to fetch and apply. autobase 7.28.1 index.js: its wakeup session handler
 * (`WakeupHandler.onannounce`) hands every announce to `base.hintWakeup(entries)`, which
 * `_drainWakeup` later opens as writers. Neither is in autobase's README, and there is no public
 * hook on what a peer announces. `filter` gets the entries and passes on (with `pass`) what
 * autobase should see, now or later. Returns what undoes it.
 */
export function filterWakeupHints (base: Autobase<unknown>, filter: (hints: WakeupHint[], pass: (hints: WakeupHint[]) => void) => void): () => void {
  const internals = base as unknown as WakeupInternals
  const own = Object.prototype.hasOwnProperty.call(internals, 'hintWakeup') ? internals.hintWakeup : null
  const original = internals.hintWakeup.bind(base)
  const pass = (hints: WakeupHint[]): void => { if (hints.length > 0) original(hints) }
  internals.hintWakeup = hints => { filter(Array.isArray(hints) ? hints : [hints], pass) }
  return () => {
    if (own !== null) internals.hintWakeup = own
    else delete (internals as Partial<WakeupInternals>).hintWakeup
  }
}

/**
 * Tell autobase that writers' logs grew, as a peer's wakeup announce does (`hintWakeup`, through
 * any filter put in front of it): once caught up, it opens each log it does not hold open as a
 * writer, fetches the new blocks and applies them (autobase 7.28.1 `_drainWakeup`, which skips a
 * hint at or below the length its system already applied).
 */
export function hintWriters (base: Autobase<unknown>, hints: WakeupHint[]): void {
  if (hints.length > 0) (base as unknown as WakeupInternals).hintWakeup(hints)
}

/**
 * The keys of the ledger's own cores that are not writers' logs: the system core, the view, the
 * encryption view (autobase 7.28.1 `base.views()`, not in its README: the public `base.core` and
 * `base.view` name only two of them).
 */
export function viewCoreKeys (base: Autobase<unknown>): Uint8Array[] {
  return (base as unknown as WakeupInternals).views().map(v => v.key)
}
