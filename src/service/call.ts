import fs from 'node:fs/promises'
import { DiscoError } from '../errors.js'
import { defaultStorage } from '../node/storage.js'
import { connectControl, request, waitForControl } from './control-client.js'
import type { CommandInput, CommandName, CommandOutput } from './handlers.js'
import { socketLocation } from './socket-path.js'

export interface CallOptions {
  /** progress of long work (import: `{ done, total }`), from either transport */
  onProgress?: (value: unknown) => void
  /** how long to wait for a starting node's socket after STORE_BUSY (ms) */
  waitForNodeMs?: number
}

const WAIT_FOR_NODE_MS = 3000

/**
 * Run a command against a storage folder: through the running node's control socket when a
 * `disco start` serves that folder, otherwise by opening the store for this one call. Either way
 * the same handler runs (src/service/handlers.ts) and the same result or error comes back.
 *
 * Loading this module loads no ledger code: a call to a running node stays fast.
 */
export async function callCommand<K extends CommandName> (storage: string | undefined, name: K, input: CommandInput<K>, opts: CallOptions = {}): Promise<CommandOutput<K>> {
  const dir = storage ?? defaultStorage()
  const socket = await connectControl(dir)
  if (socket !== null) return await request<CommandOutput<K>>(socket, name, input, opts.onProgress)
  try {
    return await runLocally(dir, name, input, opts)
  } catch (err) {
    if (!(err instanceof DiscoError) || err.code !== 'STORE_BUSY') throw err
    // A node may have taken the store a moment ago and not be listening yet.
    const late = await waitForControl(dir, opts.waitForNodeMs ?? WAIT_FOR_NODE_MS)
    if (late === null) throw err
    return await request<CommandOutput<K>>(late, name, input, opts.onProgress)
  }
}

async function runLocally<K extends CommandName> (storage: string, name: K, input: CommandInput<K>, opts: CallOptions): Promise<CommandOutput<K>> {
  const [{ DiscoNode }, { dispatch }] = await Promise.all([import('../node/node.js'), import('./handlers.js')])
  const node = await DiscoNode.open({ storage })
  try {
    await removeStaleSocket(storage)
    return await dispatch(node, name, input, { running: false, progress: value => opts.onProgress?.(value) })
  } finally {
    await node.close()
  }
}

/** Holding the store, any socket of this folder is a leftover of a node that died: tidy it away. */
async function removeStaleSocket (storage: string): Promise<void> {
  try {
    const loc = await socketLocation(storage)
    await fs.rm(loc.path, { force: true })
    if (loc.fallbackDir !== null) await fs.rmdir(loc.fallbackDir).catch(() => {})
  } catch {} // tidying must never fail a command
}
