import type { Command } from 'commander'
import type { LedgerNode } from '../../src/node/ledger-node.js'
import type { CallOptions } from '../../src/service/call.js'
import type { CommandInput, CommandName, CommandOutput } from '../../src/service/handlers.js'
import { globals } from './options.js'
import type { GlobalOptions } from './options.js'

/**
 * Run a command's handler: through the control socket when `disco start` runs on the storage
 * folder, otherwise against the store opened for this call. Both run the same handler
 * (src/service/handlers.ts) and give the same result or error.
 */
export async function runCommand<K extends CommandName> (cmd: Command, name: K, input: CommandInput<K>, opts: CallOptions = {}): Promise<CommandOutput<K>> {
  const g = globals(cmd)
  const { callCommand } = await import('../../src/service/call.js')
  return await callCommand(g.storage, name, input, opts)
}

/**
 * Run a function against the storage's node (opened for the call, closed after), for work that
 * needs the node object itself rather than a command of the dispatch table. It gets STORE_BUSY
 * while `disco start` runs: prefer runCommand.
 */
export async function withStorageNode<T> (cmd: Command, fn: (node: LedgerNode, g: GlobalOptions) => Promise<T>): Promise<T> {
  const g = globals(cmd)
  const { withNode } = await import('../../src/commands/session.js')
  return await withNode(g.storage !== undefined ? { storage: g.storage } : {}, async node => await fn(node, g))
}
