import type { Command } from 'commander'
import { examples } from './options.js'
import { printJson, printLines } from './output.js'
import { withStorageNode } from './node-action.js'

export function register (program: Command): void {
  examples(program.command('status')
    .description("this node and its ledger: keys, members, devices, lengths, digest")
    .action(async (_o: object, c: Command) => {
      await withStorageNode(c, async (node, g) => {
        const { status } = await import('../../src/commands/status.js')
        const s = await status(node)
        if (g.json === true) return printJson(s)
        printLines([
          `cooperative:   ${s.cooperative ?? '(not founded)'}`,
          `you:           ${s.member === null ? '(not a member yet)' : `${s.member.name} (${s.member.role}, ${s.member.id.slice(0, 8)})`}`,
          `storage:       ${s.storage}`,
          `ledger key:    ${s.ledger}`,
          `this device:   ${s.device}${s.writable ? ' (writer' + (s.indexer ? ', indexer)' : ')') : ' (read-only)'}`,
          `members:       ${s.members} with ${s.devices} device${s.devices === 1 ? '' : 's'}`,
          `ledger length: ${s.length} (signed: ${s.signedLength}); this device wrote ${s.localLength}`,
          `protocol:      ${String(s.protocol.active)} (this node knows up to ${s.protocol.supported})`,
          `rejected ops:  ${s.rejected.total}`,
          `digest:        ${s.digest ?? '-'}`
        ])
      })
    }), ['disco status', 'disco status --json'])
}
