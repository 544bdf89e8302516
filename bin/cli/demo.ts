import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines, table } from './output.js'
import { balanceTable, entriesTable, proposalLine } from './format.js'
import { statementLines } from './statement.js'

export function register (program: Command): void {
  examples(program.command('demo')
    .description('a three-member cooperative on this machine (loopback only): invites, work in three streams, offline, reconnect, a vote, converge, a distribution')
    .option('--keep <dir>', 'keep the three nodes\' folders in DIR (default: a temporary folder, removed)')
    .action(async (o: { keep?: string }, c: Command) => {
      const g = globals(c)
      const { runDemo } = await import('../../src/demo.js')
      const out = await runDemo({ ...(o.keep !== undefined ? { keep: o.keep } : {}), onStep: text => { process.stderr.write(`demo: ${text}\n`) } })
      if (g.json === true) return printJson(out)
      printLines([
        '', 'The merged ledger, as every node holds it:', '',
        ...entriesTable(out.entries),
        '', 'Balances per member and stream (hours, entries) and money earned:', '',
        ...balanceTable(out.balance.members, out.balance.total),
        '', 'Decisions:', '',
        ...out.proposals.map(proposalLine),
        '', 'The distribution, as every node prints it:', '',
        ...(out.statements[0] === undefined ? [] : statementLines(out.statements[0])),
        '', 'Each node, at the end:', '',
        ...table(['NODE', 'ROLE', 'LENGTH', 'SIGNED', 'DIGEST'], out.nodes.map(n => [n.name, n.role, String(n.length), String(n.signedLength), n.digest ?? '-'])),
        '',
        `Converged ${(out.reconnectMs / 1000).toFixed(1)} s after Cy reconnected: same signed length and digest on all three nodes.`,
        out.kept ? `The nodes' folders are in ${out.folder} (disco --storage ${out.folder}/ana entries).` : 'Nothing was left running or behind.'
      ])
    }), ['disco demo', 'disco demo --keep /tmp/coop'])
}
