import b4a from 'b4a'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import type Hypercore from 'hypercore'
import { listDeviceKeys } from '../consensus/queries.js'
import { hintWriters } from '../stack/wakeup-hints.js'

/**
 * Every node keeps a full copy of the cooperative's ledger (docs/DESIGN.md, "A full copy on every node"): the view, the system core
 * and every writer's log. A node that fast-forwarded holds only the blocks autobase read to get
 * there, so this downloads the rest in the background: then it answers queries, invites and
 * `disco verify` offline, and can hand any member's log to a peer that lost its own.
 * Its sessions on the writers' logs keep their replication channels open, and autobase hears
 * nothing of a log it did not open itself (docs/upstream.md, 5): a member's new block reaches its
 * direct peers because the member announces it (stack/own-log-wakeup.ts), and reaches the nodes
 * further off because, when one of these sessions learns a longer log from a peer, this hints
 * autobase, which then fetches and applies the block, so this node's peers learn of it in turn.
 * Without that a block crossed further hops only when an indexer that held it acknowledged it,
 * and bench P11's setup at 50 writers stalled for good: the indexers' neighbours, which had
 * fast-forwarded, never took in the names of members further off.
 */
/** How many times `filled` looks again for blocks that a core grew by meanwhile. */
const FILL_ROUNDS = 5

export class FullCopy {
  /** every download started, and the listing of the writers: what `filled` waits for */
  private pending: Array<Promise<void>> = []
  private readonly writers = new Map<string, Hypercore>()
  private closed = false

  constructor (private readonly base: Autobase<Hyperbee>) {}

  /** autobase is told of a writer's log that grew: it skips one it holds open or applied that far */
  private readonly grew = (core: Hypercore): void => {
    if (this.closed || core.length === 0 || b4a.equals(core.key, this.base.local.key)) return
    hintWriters(this.base, [{ key: core.key, length: core.length }])
  }

  /** the cores that hold the ledger's state: the view and the system core */
  private get stateCores (): Hypercore[] {
    return [this.base.view.core, this.base.core]
  }

  /** Whether this node holds every block of the view and the system core, not only those it read. */
  get holdsWholeState (): boolean {
    return this.stateCores.every(holdsAll)
  }

  /** Download what is missing (again after each fast-forward: the view and system core change). */
  fill (): void {
    if (this.closed) return
    for (const core of this.stateCores) this.download(core)
    this.pending.push(this.fillWriters().catch(() => {}))
  }

  /**
   * Resolves once every core of the ledger is held whole (or a close ended the downloads). A
   * writer's log can grow after its download was asked for (its length learned from a peer
   * later, with autobase reading only the blocks it applies), so once the downloads settle the
   * cores are looked at again, and what is still missing is asked for, a few rounds at most.
   */
  async filled (): Promise<void> {
    for (let round = 0; round < FILL_ROUNDS && !this.closed; round++) {
      for (let seen = 0; seen < this.pending.length;) {
        const now = this.pending.length
        await Promise.all(this.pending.slice(seen))
        seen = now
      }
      if (this.closed) return
      await this.fillWriters().catch(() => {})
      for (const core of this.stateCores) this.download(core)
      if ([...this.stateCores, ...this.writers.values()].every(holdsAll)) return
    }
  }

  async close (): Promise<void> {
    this.closed = true
    for (const core of this.writers.values()) await core.close().catch(() => {})
    this.writers.clear()
  }

  /** The writers are the devices the view names (a removed one's log still counts for what it wrote). */
  private async fillWriters (): Promise<void> {
    for (const writer of await listDeviceKeys(this.base.view)) {
      if (this.closed) return
      let core = this.writers.get(writer)
      if (core === undefined) {
        const opened = this.base.store.get({ key: b4a.from(writer, 'hex'), compat: false })
        core = opened
        this.writers.set(writer, core)
        // a peer's longer log: hypercore learns the length on its own, autobase would not
        core.on('append', () => { this.grew(opened) })
        await core.ready()
        this.grew(core)
      }
      await core.ready()
      this.download(core)
    }
  }

  private download (core: Hypercore): void {
    if (holdsAll(core)) return
    this.pending.push(core.download({ start: 0, end: core.length }).done().catch(() => {}))
  }
}

function holdsAll (core: Hypercore): boolean {
  return core.contiguousLength >= core.length
}
