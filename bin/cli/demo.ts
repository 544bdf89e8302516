import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines, table } from './output.js'
import { balanceTable, entriesTable, proposalLine } from './format.js'
import { statementLines } from './statement.js'

export function register (program: Command): void {
  examples(program.command('demo')
    .description('a three-member cooperative on this machine (loopback only): invites, work in three streams, offline, reconnect, a vote, converge, a distribution')
    .option('--keep <dir>', 'keep the three nodes\' folders in DIR (default: a temporary folder, removed)')
    .option('--federation', 'instead: two cooperatives federate, witness each other, and catch a rewritten ledger (docs/federation.md)')
    .option('--mirror', 'instead: two members never online together share their work through a mirror (disco mirror)')
    .action(async (o: { keep?: string, federation?: boolean, mirror?: boolean }, c: Command) => {
      const g = globals(c)
      if (o.federation === true) return await federationDemo(o, g.json === true)
      if (o.mirror === true) return await mirrorDemo(o, g.json === true)
      const { runDemo } = await import('../../src/demo/cooperative.js')
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
    }), ['disco demo', 'disco demo --keep /tmp/coop', 'disco demo --federation', 'disco demo --mirror'])
}

async function mirrorDemo (o: { keep?: string }, json: boolean): Promise<void> {
  const { runMirrorDemo } = await import('../../src/demo/mirror.js')
  const { statusLine } = await import('../../src/mirror/run.js')
  const out = await runMirrorDemo({ ...(o.keep !== undefined ? { keep: o.keep } : {}), onStep: text => { process.stderr.write(`demo: ${text}\n`) } })
  if (json) return printJson(out)
  const lines = ['']
  for (const n of out.nodes) {
    lines.push(`${n.name}'s node, at the end:`, '', ...entriesTable(n.entries), '')
  }
  lines.push(...table(['NODE', 'LENGTH', 'SIGNED', 'DIGEST'], out.nodes.map(n => [n.name, String(n.length), String(n.signedLength), n.digest ?? '-'])), '',
    `The mirror: ${statusLine(out.mirror)}. It holds ciphertext only.`,
    'Ana and Bo were never online at the same time after Bo joined.',
    out.kept ? `The folders are in ${out.folder}.` : 'Nothing was left running or behind.')
  printLines(lines)
}

async function federationDemo (o: { keep?: string }, json: boolean): Promise<void> {
  const { runFederationDemo } = await import('../../src/demo/federation.js')
  const out = await runFederationDemo({ ...(o.keep !== undefined ? { keep: o.keep } : {}), onStep: text => { process.stderr.write(`demo: ${text}\n`) } })
  if (json) return printJson(out)
  const lines = ['']
  for (const { cooperative, federation } of out.federations) {
    lines.push(`${cooperative}'s federates (disco federation):`, '')
    lines.push(...table(['FEDERATE', 'TRUST', 'STAGE', 'CHECK-INS', 'LAST CHECK-IN', 'DISPUTES'], federation.federates.map(f => [
      f.name, String(f.trust), `${f.stage}/7`, String(f.checkins), f.lastCheckin === null ? '-' : `length ${f.lastCheckin.length}`, String(f.disputes)
    ])), '')
  }
  lines.push("Guerrilla Translation's work by cooperative (disco report --by coop):", '',
    ...table(['COOP', 'HOURS', 'ENTRIES'], out.byCoop.map(r => [r.label, (r.minutes / 60).toFixed(1), String(r.entries)])), '',
    "What Guerrilla Translation's node printed:", '',
    ...out.events.map(e => e.type === 'checkin' ? `  checked in with ${e.name} at its signed length ${e.length}` : `  DISPUTE with ${e.name}: ${e.message}`), '',
    'The evidence recorded in its ledger (disco federation --evidence <id> -o evidence.json):', '',
    ...JSON.stringify(out.evidence, null, 2).split('\n').map(l => `  ${l}`), '',
    `disco verify-evidence evidence.json: ${out.verdict.message}`,
    out.kept ? `The nodes' folders are in ${out.folder}.` : 'Nothing was left running or behind.')
  printLines(lines)
}
