import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines } from './output.js'
import { runCommand } from './node-action.js'
import { proposalLine } from './format.js'
import type { ProposeInput } from '../../src/commands/propose.js'

interface CommonOptions { message?: string, deadline?: string, all?: boolean }

function common (cmd: Command): Command {
  return cmd
    .option('-m, --message <text>', 'what it is about, in your words')
    .option('--deadline <when>', 'lazy consensus: after this (a duration such as 72h, or a date), disco close decides it; silence is consent')
    .option('--all', 'ask all constituents: supporters vote too')
}

async function submit (c: Command, o: CommonOptions, input: Omit<ProposeInput, 'text' | 'deadline' | 'all'>): Promise<void> {
  const out = await runCommand(c, 'propose', {
    ...input,
    ...(o.message !== undefined ? { text: o.message } : {}),
    ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
    ...(o.all === true ? { all: true } : {})
  })
  if (globals(c).json === true) return printJson(out)
  printLines([`proposed: ${proposalLine(out.proposal)}`, `vote with: disco vote ${out.proposal.shortId} yes|no|abstain|block`])
}

export function register (program: Command): void {
  const propose = examples(program.command('propose')
    .description('put a proposal to the cooperative: admit, role, remove, indexers, protocol or motion (see docs/governance.md)'), [
    'disco propose role Cy member -m "Cy finished onboarding"',
    'disco propose motion -m "Move the weekly call to Thursdays" --deadline 72h',
    'disco propose remove Eve',
    'disco propose indexers 3f9a1c2b 7be8bc9b',
    'disco propose admit <device key> --role supporter --name "Neighbourhood Assoc."',
    'disco propose protocol 2'
  ])

  common(propose.command('role').description("change a participant's role").argument('<member>', 'name or id').argument('<role>', 'member, dater, contributor or supporter'))
    .action(async (member: string, role: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'role', member, role }) })
  common(propose.command('remove').description('remove a participant: their devices stop writing').argument('<member>', 'name or id'))
    .action(async (member: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'remove', member }) })
  common(propose.command('admit').description('admit a device (its 64-hex key) as a new participant').argument('<device>', 'the device key')
    .requiredOption('--role <role>', 'member, dater, contributor or supporter').requiredOption('--name <name>', 'their name'))
    .action(async (device: string, o: CommonOptions & { role: string, name: string }, c: Command) => { await submit(c, o, { kind: 'admit', device, role: o.role, name: o.name }) })
  common(propose.command('indexers').description('choose the devices whose acknowledgements sign the ledger (always-on ones)').argument('<device...>', 'device keys, 8 hex characters or more'))
    .action(async (devices: string[], o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'indexers', devices }) })
  common(propose.command('protocol').description("raise the cooperative's protocol version (every node must know it)").argument('<version>', 'the new version'))
    .action(async (version: string, o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'protocol', version: Number(version) }) })
  common(propose.command('motion').description('a decision with no effect in the ledger, recorded'))
    .action(async (o: CommonOptions, c: Command) => { await submit(c, o, { kind: 'motion' }) })
}
