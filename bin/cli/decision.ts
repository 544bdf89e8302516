import type { Command } from 'commander'
import { examples, globals } from './options.js'
import { printJson, printLines } from './output.js'
import { runCommand } from './node-action.js'
import { proposalLine } from './format.js'

/** The steps of the decision types (docs/governance.md, "Decision types"): ballot, object, resolve, decide. */
export function register (program: Command): void {
  examples(program.command('ballot')
    .description('cast your ballot on a poll (a proposal made with --decision score, ranked or dots); a later ballot replaces yours until it is decided. ' +
      'score: option=n for each option you score (0 to the poll\'s budget; the rest get 0); dots: option=n, together at most the poll\'s dots; ' +
      'ranked: the options best first (by name or number; those left out rank below)')
    .argument('<proposal-id>', 'the id disco proposals shows')
    .argument('<choice...>', 'option=n, or options in order of preference')
    .option('-m, --message <reason>', 'why')
    .action(async (id: string, choices: string[], o: { message?: string }, c: Command) => {
      const out = await runCommand(c, 'ballot', { id, choices, ...(o.message !== undefined ? { reason: o.message } : {}) })
      if (globals(c).json === true) return printJson(out)
      printLines([proposalLine(out.proposal)])
    }), ['disco ballot 3f9a1c2b-12-0 glass steel', 'disco ballot 3f9a1c2b-12-0 green=5 blue=2', 'disco ballot 3f9a1c2b-12-0 oven=7 sink=3'])

  examples(program.command('object')
    .description('object to a consent proposal, saying why: it cannot pass while your objection stands, until you mark it resolved or withdrawn (disco resolve)')
    .argument('<proposal-id>', 'the id disco proposals shows')
    .requiredOption('-m, --message <reason>', 'why you object, and what would resolve it')
    .action(async (id: string, o: { message: string }, c: Command) => {
      const out = await runCommand(c, 'object', { id, reason: o.message })
      if (globals(c).json === true) return printJson(out)
      printLines([proposalLine(out.proposal)])
    }), ['disco object 3f9a1c2b-12-0 -m "it leaves the care circle out"'])

  examples(program.command('resolve')
    .description('your objection to a consent proposal: resolved (the proposal now meets it; a new round starts, with a new deliberation and consents to give again) or withdrawn')
    .argument('<proposal-id>', 'the id disco proposals shows')
    .argument('<outcome>', 'resolved or withdrawn')
    .option('-m, --message <note>', 'how it was resolved, or why you withdraw it')
    .action(async (id: string, outcome: string, o: { message?: string }, c: Command) => {
      const out = await runCommand(c, 'resolve', { id, outcome, ...(o.message !== undefined ? { note: o.message } : {}) })
      if (globals(c).json === true) return printJson(out)
      printLines([proposalLine(out.proposal)])
    }), ['disco resolve 3f9a1c2b-12-0 resolved -m "the text now names the care circle"'])

  examples(program.command('decide')
    .description('decide your advice proposal after hearing the advice: adopt or drop. Once the ledger time passes its deliberation, or every binding voter has advised')
    .argument('<proposal-id>', 'the id disco proposals shows')
    .argument('<outcome>', 'adopt or drop')
    .option('-m, --message <reason>', 'what you made of the advice')
    .action(async (id: string, outcome: string, o: { message?: string }, c: Command) => {
      const out = await runCommand(c, 'decide', { id, outcome, ...(o.message !== undefined ? { reason: o.message } : {}) })
      if (globals(c).json === true) return printJson(out)
      printLines([proposalLine(out.proposal)])
    }), ['disco decide 3f9a1c2b-12-0 adopt -m "most advice was for it"'])
}
