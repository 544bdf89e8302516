import { DiscoError } from '../errors.js'
import type { DiscoNode } from '../node/node.js'
import { COMMAND_SHAPES } from './command-shapes.js'
import { checkInput } from './input-shape.js'
import type { InputShape } from './input-shape.js'
import type { AmendInput } from '../commands/contribution-input.js'
import type { BalanceInput, BalanceOutput } from '../commands/balance.js'
import type { EntriesInput } from '../commands/entries.js'
import type { ImportInput, ImportOutput } from '../commands/import.js'
import type { InviteInput, InviteOutput } from '../commands/invite.js'
import type { LogInput, LogOutput } from '../commands/log.js'
import type { StatusOutput } from '../commands/status.js'
import type { EntryView } from '../commands/views.js'
import type { Rejection, RejectionCount } from '../consensus/apply.js'
import type { Member } from '../ledger/members.js'
import type { ProposeInput } from '../commands/propose.js'
import type { ProposalView } from '../commands/proposal-view.js'
import type { IncomeInput, IncomeView } from '../commands/income.js'
import type { StatementView } from '../commands/statement.js'
import type { CreditsInput, CreditsOutput } from '../commands/credits.js'
import type { ReportInput, ReportOutput } from '../commands/report.js'
import type { EvaluateInput, EvaluateOutput } from '../commands/evaluate.js'
import type { ExportInput, ExportOutput } from '../commands/export.js'
import type { RulesRecord } from '../ledger/rules.js'
import type { VerifyReport } from '../commands/verify.js'
import type { FederationOutput } from '../commands/federation.js'
import type { EvidenceJson } from '../federation/evidence-file.js'
import type { CheckinResult } from '../commands/checkin.js'
import type { TimerFields, TimerStatus, TimerStopOutput } from '../commands/timer.js'

/**
 * The one dispatch table: command name → handler of src/commands, with JSON input and output.
 * The CLI (opening the store itself) and the control socket (a running `disco start`) both call
 * `dispatch`, so a command behaves the same whichever way it arrives. Handlers are imported when
 * called, so that loading this table loads no ledger code.
 */
export interface ImportProgress { done: number, total: number }

/** `disco status` as the transports answer it: whether a running node answered, and its peers. */
export type ServedStatus = StatusOutput & { running: boolean, peers?: number }

export interface Commands {
  log: { input: LogInput, output: LogOutput }
  amend: { input: AmendInput & { id: string }, output: { entry: EntryView } }
  retract: { input: { id: string, reason?: string }, output: { entry: EntryView } }
  entries: { input: EntriesInput, output: { entries: EntryView[] } }
  balance: { input: BalanceInput, output: BalanceOutput }
  /** the file path must be absolute: the node may run in another folder than the caller */
  import: { input: Omit<ImportInput, 'onProgress'>, output: ImportOutput }
  status: { input: Record<string, never>, output: ServedStatus }
  members: { input: Record<string, never>, output: { members: Member[] } }
  profile: { input: { name: string }, output: { member: Member } }
  rejections: { input: { limit?: number }, output: { rejections: Rejection[], count: RejectionCount } }
  invite: { input: InviteInput, output: InviteOutput }
  propose: { input: ProposeInput, output: { proposal: ProposalView } }
  vote: { input: { id: string, choice: string, reason?: string }, output: { proposal: ProposalView } }
  close: { input: { id: string }, output: { proposal: ProposalView } }
  proposals: { input: { open?: boolean }, output: { proposals: ProposalView[] } }
  endorse: { input: { id: string }, output: { entry: EntryView } }
  income: { input: IncomeInput, output: { income: IncomeView, duplicate: boolean } }
  paid: { input: { month: string, reference: string, date?: string }, output: { statement: StatementView } }
  statement: { input: { month?: string }, output: { statements: StatementView[] } }
  credits: { input: CreditsInput, output: CreditsOutput }
  report: { input: ReportInput, output: ReportOutput }
  evaluate: { input: EvaluateInput, output: EvaluateOutput }
  /** the books as text: the CLI writes them where it was asked to, the node never writes files for a caller */
  export: { input: ExportInput, output: ExportOutput }
  rules: { input: Record<string, never>, output: { current: RulesRecord, versions: RulesRecord[] } }
  /** progress: VerifyProgress messages while it checks */
  verify: { input: Record<string, never>, output: VerifyReport }
  federation: { input: { removed?: boolean }, output: FederationOutput }
  'federation-invite': { input: Record<string, never>, output: { code: string, key: string, topic: string } }
  /** a recorded dispute's evidence as JSON: the CLI writes the file */
  'federation-evidence': { input: { id: string }, output: { evidence: EvidenceJson } }
  checkin: { input: { federate?: string }, output: { checkins: CheckinResult[] } }
  /** the timer lives in the storage folder: a running node serves it as the CLI alone would */
  'timer-start': { input: TimerFields, output: TimerStatus }
  'timer-stop': { input: TimerFields, output: TimerStopOutput }
  'timer-status': { input: Record<string, never>, output: TimerStatus }
  'timer-cancel': { input: Record<string, never>, output: TimerStatus }
}

export type CommandName = keyof Commands
export type CommandInput<K extends CommandName> = Commands[K]['input']
export type CommandOutput<K extends CommandName> = Commands[K]['output']

export interface CommandContext {
  /** true when a running node (`disco start`) serves the call */
  running: boolean
  /** long work reports here (import: rows written); the socket sends each as a progress message */
  progress: (value: unknown) => void
}

type Handler<K extends CommandName> = (node: DiscoNode, input: CommandInput<K>, ctx: CommandContext) => Promise<CommandOutput<K>>

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
export async function dispatch<K extends CommandName> (node: DiscoNode, name: K, input: unknown, ctx: CommandContext): Promise<CommandOutput<K>> {
  if (!isCommandName(name)) throw new DiscoError('UNKNOWN_COMMAND', `unknown command "${String(name).slice(0, 100)}"`, 'state')
  checkInput<CommandInput<K>>(input, COMMAND_SHAPES[name] as InputShape<CommandInput<K>>)
  const handler = HANDLERS[name] as Handler<K>
  return await handler(node, input, ctx)
}
