import b4a from 'b4a'
import type Autobase from 'autobase'
import type Hyperbee from 'hyperbee'
import { openWriterCore } from '../stack/writer-cores.js'
import type { WriterMessage } from '../stack/writer-cores.js'
import { getWriter } from '../consensus/queries.js'

/**
 * Whether the view has taken in every block of this device's own log that carries ops (its
 * indexer acks, which apply never sees, aside): what a store rebuilt from peers waits for before
 * `disco repair` checks it, so that a passing verify is about the whole log, not an empty view.
 * Reads only the blocks held here (a block not held yet counts as not taken in).
 */
export async function ownLogApplied (base: Autobase<Hyperbee>): Promise<boolean> {
  const length = base.local.length
  if (length === 0) return true
  const core = openWriterCore(base, base.local.key, { active: false })
  try {
    await core.ready()
    let last = length - 1
    for (; last >= 0; last--) {
      const block = await core.get(last, { wait: false }) as WriterMessage | null
      if (block === null) return false
      if (block.node.value !== null) break
    }
    if (last < 0) return true
    const applied = await getWriter(base.view, b4a.toString(base.local.key, 'hex'))
    return applied.length >= last + 1
  } finally {
    await core.close()
  }
}
