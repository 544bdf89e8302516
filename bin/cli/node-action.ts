import type { Command } from 'commander'
import type { DiscoNode } from '../../src/node.js'
import { globals } from './options.js'
import type { GlobalOptions } from './options.js'

/** Run a handler against the storage's node (opened for the call, closed after). */
export async function withStorageNode<T> (cmd: Command, fn: (node: DiscoNode, g: GlobalOptions) => Promise<T>): Promise<T> {
  const g = globals(cmd)
  const { withNode } = await import('../../src/commands/session.js')
  return await withNode(g.storage !== undefined ? { storage: g.storage } : {}, async node => await fn(node, g))
}
