import fs from 'node:fs/promises'
import type { BeeReader } from 'hyperbee'
import { DiscoError } from '../errors.js'
import { getJson } from '../consensus/queries.js'
import { COOP_KEY, LAYOUT_KEY, VIEW_LAYOUT } from '../consensus/view-layout.js'
import { corestorePath } from './storage.js'
import { rebuildView } from './view-rebuild.js'
import type { RebuildProgress, RebuildSource } from './view-rebuild.js'

/**
 * The view's layout (UPGRADE.md, "The view's layout"): what a node does with a view written by
 * another release. The view is derived data, rebuilt from the signed logs when it is older; a
 * newer one is never read (its keys may mean something this release does not know).
 */

/** The layout a view was written in: null for a view with no ledger founded in it yet; 1 for a
 * view from before the layout was recorded. */
export async function viewLayout (view: BeeReader): Promise<number | null> {
  const recorded = await getJson<{ version: number }>(view, LAYOUT_KEY)
  if (recorded !== null) return recorded.version
  return await getJson(view, COOP_KEY) === null ? null : 1
}

/** What to do with a view of this layout: read it, rebuild it, or stop. */
export function layoutAction (layout: number | null): 'read' | 'rebuild' | 'stop' {
  if (layout === null || layout === VIEW_LAYOUT) return 'read'
  return layout < VIEW_LAYOUT ? 'rebuild' : 'stop'
}

export function viewTooNew (layout: number): DiscoError {
  return DiscoError.upgradeRequired(`this ledger's view was written in view layout ${layout}, and this release reads up to layout ${VIEW_LAYOUT}; nothing was changed`)
}

// The rebuild is made beside the live store and swapped in by renames, so that a crash at any
// point leaves a store that opens: the old one (the rebuild starts again), or the new one.
const building = (storage: string): string => `${corestorePath(storage)}.rebuild`
const built = (storage: string): string => `${corestorePath(storage)}.rebuilt`
const retired = (storage: string): string => `${corestorePath(storage)}.old-layout`

async function exists (p: string): Promise<boolean> {
  return await fs.stat(p).then(() => true, () => false)
}

/**
 * Finish a swap a crash interrupted (a complete rebuild waits as `corestore.rebuilt`), and remove
 * what an earlier one left. Cheap when there is nothing to do: called at every open.
 */
export async function finishViewSwap (storage: string): Promise<void> {
  const live = corestorePath(storage)
  if (await exists(built(storage))) {
    if (await exists(live)) await fs.rename(live, retired(storage))
    await fs.rename(built(storage), live)
  }
  await fs.rm(retired(storage), { recursive: true, force: true })
}

/** Rebuild the view of the storage folder's store from its logs, and swap the result in. */
export async function upgradeView (storage: string, source: Omit<RebuildSource, 'from'>, onProgress: (p: RebuildProgress) => void): Promise<void> {
  await rebuildView({ ...source, from: corestorePath(storage) }, building(storage), onProgress)
  await fs.rename(building(storage), built(storage)) // complete: from here a crash finishes the swap at the next open
  await finishViewSwap(storage)
}

/**
 * What a node does with rebuild progress when its opener says nothing: a line on stderr at most
 * once a second, and the last one, so that a member running any command on the first open after
 * an upgrade sees why it takes a while.
 */
export function rebuildNotice (write: (line: string) => void = line => { process.stderr.write(line + '\n') }): (p: RebuildProgress) => void {
  let last = 0
  return p => {
    const done = p.applied >= p.target
    if (!done && Date.now() - last < 1000) return
    last = Date.now()
    write(`disco: rebuilding the ledger's view for this release from the signed logs: ${p.applied} of ${p.target} blocks${done ? ', done' : ''}`)
  }
}
