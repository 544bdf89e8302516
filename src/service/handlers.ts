import { DiscoError } from '../errors.js'
import type { LedgerNode } from '../node/ledger-node.js'
import { COMMAND_SHAPES } from './command-shapes.js'
import { checkInput } from './input-shape.js'
import type { InputShape } from './input-shape.js'
import type { CommandContext, CommandInput, CommandName, CommandOutput, ImportProgress } from './command-types.js'

export type { Commands, CommandName, CommandInput, CommandOutput, CommandContext, ImportProgress, ServedStatus } from './command-types.js'

/**
 * The one dispatch table: command name → handler of src/commands, with JSON input and output.
 * The CLI (opening the store itself) and the control socket (a running `disco start`) both call
 * `dispatch`, so a command behaves the same whichever way it arrives. Handlers are imported when
 * called, so that loading this table loads no ledger code.
 */
type Handler<K extends CommandName> = (node: LedgerNode, input: CommandInput<K>, ctx: CommandContext) => Promise<CommandOutput<K>>

const HANDLERS: { [K in CommandName]: Handler<K> } = {
  log: async (node, input) => await (await import('../commands/log.js')).log(node, input),
  amend: async (node, input) => await (await import('../commands/amend.js')).amend(node, input),
  retract: async (node, input) => await (await import('../commands/retract.js')).retract(node, input),
  entries: async (node, input) => await (await import('../commands/entries.js')).entries(node, input),
  balance: async (node, input) => await (await import('../commands/balance.js')).balance(node, input),
  import: async (node, input, ctx) => {
    const { importFile } = await import('../commands/import.js')
    return await importFile(node, { ...input, onProgress: (done, total) => ctx.progress({ done, total } satisfies ImportProgress) })
  },
  status: async (node, _input, ctx) => {
    const out = await (await import('../commands/status.js')).status(node)
    return ctx.running ? { ...out, running: true, peers: node.peers } : { ...out, running: false }
  },
  members: async node => await (await import('../commands/members.js')).members(node),
  profile: async (node, input) => await (await import('../commands/profile.js')).profile(node, input),
  rejections: async (node, input) => await (await import('../commands/rejections.js')).rejections(node, input),
  invite: async (node, input) => await (await import('../commands/invite.js')).invite(node, input),
  propose: async (node, input) => await (await import('../commands/propose.js')).propose(node, input),
  vote: async (node, input) => await (await import('../commands/vote.js')).vote(node, input),
  close: async (node, input) => await (await import('../commands/close.js')).close(node, input),
  ballot: async (node, input) => await (await import('../commands/decision.js')).ballot(node, input),
  object: async (node, input) => await (await import('../commands/decision.js')).object(node, input),
  resolve: async (node, input) => await (await import('../commands/decision.js')).resolve(node, input),
  decide: async (node, input) => await (await import('../commands/decision.js')).decide(node, input),
  proposals: async (node, input) => await (await import('../commands/proposals.js')).proposals(node, input),
  endorse: async (node, input) => await (await import('../commands/endorse.js')).endorse(node, input),
  income: async (node, input) => await (await import('../commands/income.js')).income(node, input),
  paid: async (node, input) => await (await import('../commands/paid.js')).paid(node, input),
  statement: async (node, input) => await (await import('../commands/statement.js')).statement(node, input),
  credits: async (node, input) => await (await import('../commands/credits.js')).credits(node, input),
  report: async (node, input) => await (await import('../commands/report.js')).report(node, input),
  evaluate: async (node, input) => await (await import('../commands/evaluate.js')).evaluatePeriod(node, input),
  export: async (node, input) => await (await import('../commands/export.js')).exportBooks(node, input),
  rules: async node => await (await import('../commands/rules.js')).rules(node),
  verify: async (node, _input, ctx) => await (await import('../commands/verify.js')).verify(node, p => ctx.progress(p)),
  federation: async (node, input) => await (await import('../commands/federation.js')).federation(node, input),
  'federation-invite': async node => await (await import('../commands/federation.js')).federationInvite(node),
  'federation-evidence': async (node, input) => await (await import('../commands/federation.js')).federationEvidence(node, input),
  checkin: async (node, input) => await (await import('../commands/checkin.js')).checkin(node, input),
  'timer-start': async (node, input) => await (await import('../commands/timer.js')).timerStart(node, input),
  'timer-stop': async (node, input) => await (await import('../commands/timer.js')).timerStop(node, input),
  'timer-status': async node => await (await import('../commands/timer.js')).timerStatus(node),
  'timer-cancel': async node => await (await import('../commands/timer.js')).timerCancel(node)
}

export function isCommandName (name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(HANDLERS, name)
}

/** Every transport (CLI, control socket, dashboard API) comes through here: the input's JSON shape
 * is checked once, against the command's (src/service/command-shapes.ts), before its handler runs. */
export async function dispatch<K extends CommandName> (node: LedgerNode, name: K, input: unknown, ctx: CommandContext): Promise<CommandOutput<K>> {
  if (!isCommandName(name)) throw new DiscoError('UNKNOWN_COMMAND', `unknown command "${String(name).slice(0, 100)}"`, 'state')
  checkInput<CommandInput<K>>(input, COMMAND_SHAPES[name] as InputShape<CommandInput<K>>)
  const handler = HANDLERS[name] as Handler<K>
  return await handler(node, input, ctx)
}
