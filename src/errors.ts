/**
 * Typed errors with stable codes, in the style of hypercore-errors: one class, one static factory
 * per case. Every layer may import this file; it imports only the catalogue of words.
 *
 * `input` errors are the caller's to fix (bad arguments, a bad file): the CLI exits 2 for them.
 * `state` errors come from the situation (no ledger here, the store is busy): exit 1.
 * Op validation in apply uses the same codes as rejection reasons, so a member who reads a
 * rejection sees the message they would have got had their own node refused the op.
 *
 * An error made by a factory is its code and params (plain JSON values); its message is rendered
 * from them by the catalogue (error-messages.ts). Apply stores a rejection as code and params,
 * never as words, so that wording is free to change (PROTOCOL.md, "Rejections"). A new factory:
 * one catalogue entry per code, params named, sub-cases as `reason` keys, never free text.
 */
import { renderError } from './error-messages.js'
import type { Action, AmountReason, CataloguedCode, DateReason, DecisionRuleReason, DurationReason, ErrorParams, EvidenceReason, FieldReason, FrameReason } from './error-messages.js'

export type ErrorKind = 'input' | 'state'

export interface DiscoErrorJson {
  code: string
  message: string
  line?: number
  rows?: DiscoErrorJson[]
}

export class DiscoError extends Error {
  readonly code: string
  readonly kind: ErrorKind
  /** 1-based line of a file the error refers to, when it refers to one (imports). */
  readonly line: number | undefined
  /** the errors of single rows, for an error about a whole file */
  rows: DiscoError[] | undefined
  /** what the message is rendered from; null for an error made with words of its own (one
   * that never reaches the view: CLI and transport errors) */
  readonly params: ErrorParams | null

  constructor (code: string, message: string, kind: ErrorKind = 'input', line?: number, params: ErrorParams | null = null) {
    super(message)
    this.name = 'DiscoError'
    this.code = code
    this.kind = kind
    this.line = line
    this.rows = undefined
    this.params = params
  }

  /** A catalogued error: its message is the catalogue's words for its params. */
  static of (code: CataloguedCode, params: ErrorParams = {}, kind: ErrorKind = 'input'): DiscoError {
    return new DiscoError(code, renderError(code, params), kind, undefined, params)
  }

  /** The same error about one line of a file. */
  atLine (line: number): DiscoError {
    return new DiscoError(this.code, this.message, this.kind, line, this.params)
  }

  toJSON (): DiscoErrorJson {
    const out: DiscoErrorJson = { code: this.code, message: this.message }
    if (this.line !== undefined) out.line = this.line
    if (this.rows !== undefined) out.rows = this.rows.map(r => r.toJSON())
    return out
  }

  // --- input: values -------------------------------------------------------------------------
  /** words of the caller's own (CLI arguments): never a rejection */
  static invalidArgument (text: string): DiscoError { return DiscoError.of('INVALID_ARGUMENT', { text }) }
  static invalidDuration (text: string, reason: DurationReason, extra: { maxHours?: number } = {}): DiscoError {
    return DiscoError.of('INVALID_DURATION', { text, reason, ...extra })
  }
  static invalidDate (text: string, reason: DateReason, extra: { format?: string | null } = {}): DiscoError {
    return DiscoError.of('INVALID_DATE', { text, reason, ...extra })
  }
  static invalidMonth (text: string): DiscoError {
    return DiscoError.of('INVALID_MONTH', { text })
  }
  static invalidPeriod (text: string): DiscoError {
    return DiscoError.of('INVALID_PERIOD', { text })
  }
  static invalidAmount (text: string, reason: AmountReason, extra: { currency?: string, places?: number } = {}): DiscoError {
    return DiscoError.of('INVALID_AMOUNT', { text, reason, ...extra })
  }
  static unknownCurrency (code: string): DiscoError {
    return DiscoError.of('UNKNOWN_CURRENCY', { code })
  }
  static invalidStream (text: string): DiscoError {
    return DiscoError.of('INVALID_STREAM', { text })
  }
  static invalidField (field: string, reason: FieldReason, extra: { max?: number, stream?: string, value?: string, expected?: string } = {}): DiscoError {
    return DiscoError.of('INVALID_FIELD', { field, reason, ...extra })
  }
  static fieldTooLong (field: string, max: number): DiscoError {
    return DiscoError.of('FIELD_TOO_LONG', { field, max })
  }
  static invalidEntryId (text: string): DiscoError {
    return DiscoError.of('INVALID_ENTRY_ID', { text })
  }

  // --- input: wire format (rejection reasons in apply) -------------------------------------------
  static malformedFrame (reason: FrameReason, extra: { name?: string, value?: string, tag?: number, mask?: number, version?: number, count?: number, max?: number, bytes?: number } = {}): DiscoError {
    return DiscoError.of('MALFORMED_FRAME', { reason, ...extra })
  }
  static frameTooLarge (bytes: number, max: number): DiscoError {
    return DiscoError.of('FRAME_TOO_LARGE', { bytes, max })
  }
  static protocolTooNew (version: number, active: number): DiscoError {
    return DiscoError.of('PROTOCOL_VERSION', { version, active })
  }
  static clockWentBack (time: number, last: number): DiscoError {
    return DiscoError.of('CLOCK_WENT_BACK', { time, last })
  }

  // --- input: references and rights (rejection reasons in apply, and pre-checks in handlers) ----
  static notFounded (): DiscoError { return DiscoError.of('NOT_FOUNDED') }
  static alreadyFounded (): DiscoError { return DiscoError.of('ALREADY_FOUNDED') }
  static unknownDevice (): DiscoError { return DiscoError.of('UNKNOWN_DEVICE') }
  static notAllowed (role: string, action: Action, extra: { invitee?: string } = {}): DiscoError {
    return DiscoError.of('NOT_ALLOWED', { role, action, ...extra })
  }
  static entryNotFound (id: string): DiscoError { return DiscoError.of('ENTRY_NOT_FOUND', { id }) }
  static ambiguousEntryId (id: string, count: number): DiscoError {
    return DiscoError.of('AMBIGUOUS_ENTRY_ID', { id, count })
  }
  static notOwnEntry (id: string): DiscoError { return DiscoError.of('NOT_OWN_ENTRY', { id }) }
  static entryRetracted (id: string): DiscoError { return DiscoError.of('ENTRY_RETRACTED', { id }) }
  static duplicateKey (key: string, existing: string): DiscoError {
    return DiscoError.of('DUPLICATE_KEY', { key, existing })
  }
  static memberNotFound (text: string): DiscoError { return DiscoError.of('MEMBER_NOT_FOUND', { text }) }
  static ambiguousMember (text: string, count: number): DiscoError {
    return DiscoError.of('AMBIGUOUS_MEMBER', { text, count })
  }
  static inviteNotFound (): DiscoError { return DiscoError.of('INVITE_NOT_FOUND') }
  static inviteUsed (): DiscoError { return DiscoError.of('INVITE_USED') }
  static inviteExpired (): DiscoError { return DiscoError.of('INVITE_EXPIRED') }
  static inviteExists (): DiscoError { return DiscoError.of('INVITE_EXISTS') }
  static writerExists (): DiscoError { return DiscoError.of('WRITER_EXISTS') }
  static removed (): DiscoError { return DiscoError.of('REMOVED') }
  static proposalNotFound (id: string): DiscoError { return DiscoError.of('PROPOSAL_NOT_FOUND', { id }) }
  static proposalDecided (id: string, status: string): DiscoError {
    return DiscoError.of('PROPOSAL_DECIDED', { id, status })
  }
  static closeTooEarly (id: string, until: number, now: number): DiscoError {
    return DiscoError.of('CLOSE_TOO_EARLY', { id, until, now })
  }
  static proposalUndecided (id: string): DiscoError { return DiscoError.of('PROPOSAL_UNDECIDED', { id }) }
  static deadlineTooSoon (deadline: number, earliest: number): DiscoError {
    return DiscoError.of('DEADLINE_TOO_SOON', { deadline, earliest })
  }
  /** an op the proposal's decision type does not take, or not at this point; `id` names the
   * proposal (or, for the objection reasons, the objection) */
  static decisionRule (reason: DecisionRuleReason, id: string, extra: { type?: string } = {}): DiscoError {
    return DiscoError.of('DECISION_RULE', { reason, id, ...extra })
  }
  static admitProofInvalid (): DiscoError { return DiscoError.of('ADMIT_PROOF_INVALID') }
  static inviterCannotGrant (role: string): DiscoError { return DiscoError.of('INVITER_CANNOT_GRANT', { role })
  }
  static ownEntry (id: string): DiscoError {
    return DiscoError.of('OWN_ENTRY', { id })
  }
  static alreadyEndorsed (id: string): DiscoError { return DiscoError.of('ALREADY_ENDORSED', { id }) }
  static monthDistributed (month: string): DiscoError {
    return DiscoError.of('MONTH_DISTRIBUTED', { month })
  }
  static monthNotOver (month: string): DiscoError {
    return DiscoError.of('MONTH_NOT_OVER', { month })
  }
  static statementNotFound (month: string): DiscoError {
    return DiscoError.of('STATEMENT_NOT_FOUND', { month })
  }
  /** a distribution of `period` would pay again for work a statement of `distributed` already paid */
  static periodOverlaps (period: string, distributed: string): DiscoError {
    return DiscoError.of('PERIOD_OVERLAPS', { period, distributed })
  }
  /** the rules distribute by `expected` (month or quarter), and `period` is not one */
  static periodKind (period: string, expected: string): DiscoError {
    return DiscoError.of('PERIOD_KIND', { period, expected })
  }
  static unknownUnit (unit: string): DiscoError { return DiscoError.of('UNKNOWN_UNIT', { unit }) }
  static alreadyPaid (month: string): DiscoError { return DiscoError.of('ALREADY_PAID', { month }) }
  static emptyAmend (): DiscoError { return DiscoError.of('EMPTY_AMEND') }
  static balanceLimit (): DiscoError { return DiscoError.of('BALANCE_LIMIT') }
  /** `id`: the federate's whole id (the words show its first 8 hex) */
  static unknownFederate (id: string): DiscoError { return DiscoError.of('UNKNOWN_FEDERATE', { id }) }
  static alreadyCheckedIn (name: string, length: number, op: string): DiscoError {
    return DiscoError.of('ALREADY_CHECKED_IN', { name, length, op })
  }
  static disputeRecorded (name: string): DiscoError { return DiscoError.of('DISPUTE_RECORDED', { name }) }
  static invalidCheckin (): DiscoError { return DiscoError.of('INVALID_CHECKIN') }
  static invalidEvidence (reason: EvidenceReason): DiscoError { return DiscoError.of('INVALID_EVIDENCE', { reason }) }

  // --- input: files ----------------------------------------------------------------------------
  static badRows (rows: DiscoError[]): DiscoError {
    const err = DiscoError.of('BAD_ROWS', { count: rows.length })
    err.rows = rows
    return err
  }
  /** `file`: the storage path itself, or the folder above it, that is a file */
  static storageNotAFolder (storage: string, file: string): DiscoError {
    const what = file === storage ? `"${storage}" is a file` : `"${storage}" cannot be a folder: "${file}" is a file`
    return new DiscoError('STORAGE_NOT_A_FOLDER', `the storage folder ${what}: give --storage a folder (it is made if missing)`)
  }
  static fileUnreadable (path: string, why: string): DiscoError {
    return DiscoError.of('FILE_UNREADABLE', { path, why })
  }

  // --- state -----------------------------------------------------------------------------------
  static notInitialised (storage: string): DiscoError {
    return DiscoError.of('NOT_INITIALISED', { storage }, 'state')
  }
  static alreadyInitialised (storage: string): DiscoError {
    return DiscoError.of('ALREADY_INITIALISED', { storage }, 'state')
  }
  static badConfig (path: string, why: string): DiscoError {
    return DiscoError.of('BAD_CONFIG', { path, why }, 'state')
  }
  static storeBusy (storage: string): DiscoError {
    return DiscoError.of('STORE_BUSY', { storage }, 'state')
  }
  /** The store cannot be read: `said` is the storage engine's own message, `file` the file it names. */
  static storeCorrupt (storage: string, file: string | null, said: string): DiscoError {
    const what = said.replace(/\s+/g, ' ').trim().slice(0, 300)
    return new DiscoError('STORE_CORRUPT', `the store in ${storage} is damaged and cannot be opened` +
      `${file !== null ? ` (${file})` : ''}: the storage engine said "${what}". ` +
      'Nothing was changed. Run disco repair with a peer reachable: it keeps the damaged store aside and rebuilds this ' +
      "device's store from your peers with its own keys. Otherwise restore it from a backup (one older than your last " +
      'entries forks this device: then re-pair), or pair this machine again as a new device (disco invite --device on ' +
      'another device of yours, then disco join with a new --storage)', 'state', undefined, { storage, file, said: what })
  }
  /** `disco repair` cannot rebuild a damaged store keeping the device's identity (service/repair.ts) */
  static storeNotRepairable (storage: string, why: string): DiscoError {
    return DiscoError.of('STORE_NOT_REPAIRABLE', { storage, why }, 'state')
  }
  static storeCopied (storage: string): DiscoError {
    return DiscoError.of('STORE_COPIED', { storage }, 'state')
  }
  static deviceForked (): DiscoError {
    return DiscoError.of('DEVICE_FORKED', {}, 'state')
  }
  /** This device's own log is shorter on disk than what it acknowledged (acked-length.ts); `timeoutMs`
   * when a recovery from peers was tried for that long, with `peers` connected. */
  static logTailLost (storage: string, length: number, acked: number, tried: { timeoutMs: number, peers: number } | null = null): DiscoError {
    return DiscoError.of('LOG_TAIL_LOST', { storage, length, acked, timeoutMs: tried?.timeoutMs ?? null, peers: tried?.peers ?? null }, 'state')
  }
  static notConfirmed (timeoutMs: number): DiscoError {
    return DiscoError.of('NOT_CONFIRMED', { timeoutMs }, 'state')
  }
  static diskFull (storage: string): DiscoError {
    return DiscoError.of('DISK_FULL', { storage }, 'state')
  }
  static upgradeRequired (reason: string): DiscoError {
    return DiscoError.of('UPGRADE_REQUIRED', { reason }, 'state')
  }
  static notWritable (): DiscoError {
    return DiscoError.of('NOT_WRITABLE', {}, 'state')
  }
  static closed (): DiscoError { return DiscoError.of('CLOSED', {}, 'state') }
}

export function isDiscoError (err: unknown): err is DiscoError {
  return err instanceof DiscoError
}
