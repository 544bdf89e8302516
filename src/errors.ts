/**
 * Typed errors with stable codes, in the style of hypercore-errors: one class, one static factory
 * per case. Every layer may import this file; it imports nothing.
 *
 * `input` errors are the caller's to fix (bad arguments, a bad file): the CLI exits 2 for them.
 * `state` errors come from the situation (no ledger here, the store is busy): exit 1.
 * Op validation in apply uses the same codes as rejection reasons, so a member who reads a
 * rejection sees the message they would have got had their own node refused the op.
 */
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

  constructor (code: string, message: string, kind: ErrorKind = 'input', line?: number) {
    super(message)
    this.name = 'DiscoError'
    this.code = code
    this.kind = kind
    this.line = line
    this.rows = undefined
  }

  toJSON (): DiscoErrorJson {
    const out: DiscoErrorJson = { code: this.code, message: this.message }
    if (this.line !== undefined) out.line = this.line
    if (this.rows !== undefined) out.rows = this.rows.map(r => r.toJSON())
    return out
  }

  // --- input: values -------------------------------------------------------------------------
  static invalidArgument (message: string): DiscoError { return new DiscoError('INVALID_ARGUMENT', message) }
  static invalidDuration (text: string, why: string): DiscoError {
    return new DiscoError('INVALID_DURATION', `invalid duration "${text}": ${why}`)
  }
  static invalidDate (text: string, why: string): DiscoError {
    return new DiscoError('INVALID_DATE', `invalid date "${text}": ${why}`)
  }
  static invalidMonth (text: string): DiscoError {
    return new DiscoError('INVALID_MONTH', `invalid month "${text}": expected YYYY-MM, e.g. 2026-11`)
  }
  static invalidAmount (text: string, why: string): DiscoError {
    return new DiscoError('INVALID_AMOUNT', `invalid amount "${text}": ${why}`)
  }
  static unknownCurrency (code: string): DiscoError {
    return new DiscoError('UNKNOWN_CURRENCY', `unknown currency "${code}": expected an ISO 4217 code such as EUR, USD or JPY`)
  }
  static invalidStream (text: string): DiscoError {
    return new DiscoError('INVALID_STREAM', `invalid stream "${text}": expected livelihood, love or care`)
  }
  static invalidField (field: string, why: string): DiscoError {
    return new DiscoError('INVALID_FIELD', `${field}: ${why}`)
  }
  static fieldTooLong (field: string, max: number): DiscoError {
    return new DiscoError('FIELD_TOO_LONG', `${field} is longer than ${max} bytes`)
  }
  static invalidEntryId (text: string): DiscoError {
    return new DiscoError('INVALID_ENTRY_ID', `invalid entry id "${text}": expected the id that disco entries shows, e.g. 3f9a1c2b-4-0`)
  }

  // --- input: wire format (rejection reasons in apply) -------------------------------------------
  static malformedFrame (why: string): DiscoError { return new DiscoError('MALFORMED_FRAME', `malformed frame: ${why}`) }
  static frameTooLarge (bytes: number, max: number): DiscoError {
    return new DiscoError('FRAME_TOO_LARGE', `frame of ${bytes} bytes is over the limit of ${max}`)
  }
  static protocolTooNew (version: number, active: number): DiscoError {
    return new DiscoError('PROTOCOL_VERSION', `op written for protocol version ${version}, the cooperative's active version is ${active}`)
  }
  static clockWentBack (time: number, last: number): DiscoError {
    return new DiscoError('CLOCK_WENT_BACK', `op time ${new Date(time).toISOString()} is before this device's previous op (${new Date(last).toISOString()})`)
  }

  // --- input: references and rights (rejection reasons in apply, and pre-checks in handlers) ----
  static notFounded (): DiscoError { return new DiscoError('NOT_FOUNDED', 'the ledger has not been founded yet') }
  static alreadyFounded (): DiscoError { return new DiscoError('ALREADY_FOUNDED', 'the ledger is already founded') }
  static unknownDevice (): DiscoError { return new DiscoError('UNKNOWN_DEVICE', 'the writing device belongs to no member') }
  static notAllowed (role: string, action: string): DiscoError {
    return new DiscoError('NOT_ALLOWED', `a ${role} may not ${action}`)
  }
  static entryNotFound (id: string): DiscoError { return new DiscoError('ENTRY_NOT_FOUND', `no entry ${id}`) }
  static ambiguousEntryId (id: string, count: number): DiscoError {
    return new DiscoError('AMBIGUOUS_ENTRY_ID', `entry id "${id}" matches ${count} entries: give more of its id`)
  }
  static notOwnEntry (id: string): DiscoError { return new DiscoError('NOT_OWN_ENTRY', `entry ${id} belongs to another member: only its author can change it`) }
  static entryRetracted (id: string): DiscoError { return new DiscoError('ENTRY_RETRACTED', `entry ${id} is retracted`) }
  static duplicateKey (key: string, existing: string): DiscoError {
    return new DiscoError('DUPLICATE_KEY', `idempotency key "${key}" was already used by entry ${existing}`)
  }
  static memberNotFound (text: string): DiscoError { return new DiscoError('MEMBER_NOT_FOUND', `no member "${text}"`) }
  static ambiguousMember (text: string, count: number): DiscoError {
    return new DiscoError('AMBIGUOUS_MEMBER', `"${text}" matches ${count} members: use the member id`)
  }
  static inviteNotFound (): DiscoError { return new DiscoError('INVITE_NOT_FOUND', 'no such invite in the ledger') }
  static inviteUsed (): DiscoError { return new DiscoError('INVITE_USED', 'this invite was already used: ask for a new one') }
  static inviteExpired (): DiscoError { return new DiscoError('INVITE_EXPIRED', 'this invite has expired: ask for a new one') }
  static inviteExists (): DiscoError { return new DiscoError('INVITE_EXISTS', 'an invite with this id is already recorded') }
  static writerExists (): DiscoError { return new DiscoError('WRITER_EXISTS', 'this device already writes for a member') }
  static removed (): DiscoError { return new DiscoError('REMOVED', 'this participant was removed from the cooperative') }
  static proposalNotFound (id: string): DiscoError { return new DiscoError('PROPOSAL_NOT_FOUND', `no proposal ${id}`) }
  static proposalDecided (id: string, status: string): DiscoError {
    return new DiscoError('PROPOSAL_DECIDED', `proposal ${id} is already decided (${status})`)
  }
  static closeTooEarly (id: string, until: number, now: number): DiscoError {
    return new DiscoError('CLOSE_TOO_EARLY', `proposal ${id} cannot be closed before the ledger time passes ${iso(until)} ` +
      `(it is ${iso(now)}; it moves on as more than half of the members' nodes write)`)
  }
  static proposalUndecided (id: string): DiscoError {
    return new DiscoError('PROPOSAL_UNDECIDED', `proposal ${id} has no majority of binding votes yet, and no deadline after which silence is consent`)
  }
  static deadlineTooSoon (deadline: number, earliest: number): DiscoError {
    return new DiscoError('DEADLINE_TOO_SOON', `the deadline ${iso(deadline)} leaves less than the minimum deliberation: ` +
      `give one at or after ${iso(earliest)}`)
  }
  static admitProofInvalid (): DiscoError {
    return new DiscoError('ADMIT_PROOF_INVALID', 'the admission does not prove that the joiner holds the invite code')
  }
  static inviterCannotGrant (role: string): DiscoError {
    return new DiscoError('INVITER_CANNOT_GRANT', `whoever made this invite may no longer admit a ${role}`)
  }
  static ownEntry (id: string): DiscoError {
    return new DiscoError('OWN_ENTRY', `entry ${id} is your own: another member must endorse it`)
  }
  static alreadyEndorsed (id: string): DiscoError { return new DiscoError('ALREADY_ENDORSED', `you already endorsed entry ${id}`) }
  static monthDistributed (month: string): DiscoError {
    return new DiscoError('MONTH_DISTRIBUTED', `${month} is already distributed: a month is distributed once (disco statement ${month})`)
  }
  static monthNotOver (month: string): DiscoError {
    return new DiscoError('MONTH_NOT_OVER', `${month} is not over yet: a month is distributed after its last day`)
  }
  static statementNotFound (month: string): DiscoError {
    return new DiscoError('STATEMENT_NOT_FOUND', `${month} has not been distributed: no statement (disco propose distribute ${month} <amount> <currency>)`)
  }
  static alreadyPaid (month: string): DiscoError { return new DiscoError('ALREADY_PAID', `the statement of ${month} is already marked paid`) }
  static balanceLimit (): DiscoError {
    return new DiscoError('BALANCE_LIMIT', 'this entry would carry a balance past 2^53 minutes, beyond what the ledger counts exactly')
  }
  static emptyAmend (): DiscoError { return new DiscoError('EMPTY_AMEND', 'an amend must change at least one field') }

  // --- input: files ----------------------------------------------------------------------------
  static badRows (rows: DiscoError[]): DiscoError {
    const n = rows.length
    const err = new DiscoError('BAD_ROWS', `${n} bad row${n === 1 ? '' : 's'}, nothing imported: fix ${n === 1 ? 'it' : 'them'} or pass --skip-bad to import the rest`)
    err.rows = rows
    return err
  }
  static fileUnreadable (path: string, why: string): DiscoError {
    return new DiscoError('FILE_UNREADABLE', `cannot read ${path}: ${why}`)
  }

  // --- state -----------------------------------------------------------------------------------
  static notInitialised (storage: string): DiscoError {
    return new DiscoError('NOT_INITIALISED', `no ledger in ${storage}: run "disco init --name <cooperative>" first, or pass --storage`, 'state')
  }
  static alreadyInitialised (storage: string): DiscoError {
    return new DiscoError('ALREADY_INITIALISED', `${storage} already holds a ledger`, 'state')
  }
  static badConfig (path: string, why: string): DiscoError {
    return new DiscoError('BAD_CONFIG', `${path}: ${why}`, 'state')
  }
  static storeBusy (storage: string): DiscoError {
    return new DiscoError('STORE_BUSY', `${storage} is in use by another disco process`, 'state')
  }
  static storeCopied (storage: string): DiscoError {
    return new DiscoError('STORE_COPIED', `${storage} was copied or moved here from elsewhere; a copy would fork this device's log. ` +
      'Put the original back, or pair this machine as a new device (disco invite --device on a device of yours, then disco join here)', 'state')
  }
  static deviceForked (): DiscoError {
    return new DiscoError('DEVICE_FORKED', "this device's log forked (was it restored from an old backup?): peers have frozen it. " +
      'Pair this machine again as a new device (disco invite --device, then disco join with a new --storage)', 'state')
  }
  static notConfirmed (timeoutMs: number): DiscoError {
    return new DiscoError('NOT_CONFIRMED', `no peer confirmed holding the entry within ${Math.round(timeoutMs / 1000)} s. ` +
      'It is saved on this device and will reach the others when a peer connects', 'state')
  }
  static diskFull (storage: string): DiscoError {
    return new DiscoError('DISK_FULL', `the disk holding ${storage} is full: the last change was not saved. ` +
      'Free some space and start the node again; everything it acknowledged is kept', 'state')
  }
  static upgradeRequired (reason: string): DiscoError {
    return new DiscoError('UPGRADE_REQUIRED', `upgrade required: ${reason}`, 'state')
  }
  static notWritable (): DiscoError {
    return new DiscoError('NOT_WRITABLE', 'this device is not a writer of the ledger', 'state')
  }
  static closed (): DiscoError { return new DiscoError('CLOSED', 'the node is closed', 'state') }
}

/** A time as the messages show it: to the minute, UTC. */
function iso (time: number): string {
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : String(time)
}

export function isDiscoError (err: unknown): err is DiscoError {
  return err instanceof DiscoError
}
