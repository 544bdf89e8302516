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
 * Every command the transports serve, with its JSON input and output: the types the dispatch table
 * (handlers.ts) and the input shapes (command-shapes.ts) are both checked against, in a file of
 * their own so that neither imports the other.
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
  ballot: { input: { id: string, choices: string[], reason?: string }, output: { proposal: ProposalView } }
  object: { input: { id: string, reason: string }, output: { proposal: ProposalView } }
  resolve: { input: { id: string, outcome: string, note?: string }, output: { proposal: ProposalView } }
  decide: { input: { id: string, outcome: string, reason?: string }, output: { proposal: ProposalView } }
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

