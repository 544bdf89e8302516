import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import { proposalLine } from './format.js'

const vote: CommandSpec<'vote', { message?: string }> = {
  name: 'vote',
  command: 'vote',
  description: 'vote on a proposal; you may change your vote until it is decided',
  arguments: [
    { name: '<proposal-id>', description: 'the id disco proposals shows' },
    { name: '<choice>', description: 'yes, no, abstain or block' }
  ],
  options: [
    { short: '-m', long: '--message', value: '<reason>', description: 'why' }
  ],
  examples: ['disco vote 3f9a1c2b-12-0 yes', 'disco vote 3f9a1c2b-12-0 block -m "we need to talk first"'],
  input: ([id, choice], o) => ({ id: id as string, choice: choice as string, ...(o.message !== undefined ? { reason: o.message } : {}) }),
  print: (out) => printLines([proposalLine(out.proposal)])
}

const close: CommandSpec<'close'> = {
  name: 'close',
  command: 'close',
  description: 'decide a proposal once the ledger time has passed its deadline (with no binding no or block it passes: lazy consensus) ' +
    'or, without a deadline, its minimum deliberation (the binding votes decide); only a participant whose vote binds may close',
  arguments: [{ name: '<proposal-id>', description: 'the id disco proposals shows' }],
  options: [],
  examples: ['disco close 3f9a1c2b-12-0'],
  input: ([id]) => ({ id: id as string }),
  print: (out) => printLines([proposalLine(out.proposal)])
}

const proposals: CommandSpec<'proposals', { open?: boolean }> = {
  name: 'proposals',
  command: 'proposals',
  description: "the cooperative's proposals, their votes and decisions (provisional until signed)",
  arguments: [],
  options: [
    { long: '--open', description: 'only those still open' }
  ],
  examples: ['disco proposals --open', 'disco proposals --json'],
  input: (_args, o) => o.open === true ? { open: true } : {},
  print: (out) => printLines(out.proposals.length === 0 ? ['no proposals'] : out.proposals.map(proposalLine))
}

export const specs = [vote, close, proposals]
