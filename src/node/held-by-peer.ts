import type Hypercore from 'hypercore'
import { DiscoError } from '../errors.js'

/**
 * Resolves once a peer holds `core` up to and including block `seq` (hypercore tells how far
 * peers hold it contiguously), so that losing this machine would lose nothing before it. Rejects
 * with NOT_CONFIRMED after `timeoutMs`; the block stays written either way.
 */
export async function heldByPeer (core: Hypercore, seq: number, timeoutMs: number): Promise<void> {
  if (core.remoteContiguousLength > seq) return
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (core.remoteContiguousLength <= seq) return
      done()
      resolve()
    }
    const timer = setTimeout(() => { done(); reject(DiscoError.notConfirmed(timeoutMs)) }, timeoutMs)
    const done = (): void => {
      clearTimeout(timer)
      core.off('remote-contiguous-length', check)
    }
    core.on('remote-contiguous-length', check)
    check()
  })
}
