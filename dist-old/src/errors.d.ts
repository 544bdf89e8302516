import type { Action, AmountReason, CataloguedCode, DateReason, DurationReason, ErrorParams, EvidenceReason, FieldReason, FrameReason } from './error-messages.js';
export type ErrorKind = 'input' | 'state';
export interface DiscoErrorJson {
    code: string;
    message: string;
    line?: number;
    rows?: DiscoErrorJson[];
}
export declare class DiscoError extends Error {
    readonly code: string;
    readonly kind: ErrorKind;
    /** 1-based line of a file the error refers to, when it refers to one (imports). */
    readonly line: number | undefined;
    /** the errors of single rows, for an error about a whole file */
    rows: DiscoError[] | undefined;
    /** what the message is rendered from; null for an error made with words of its own (one
     * that never reaches the view: CLI and transport errors) */
    readonly params: ErrorParams | null;
    constructor(code: string, message: string, kind?: ErrorKind, line?: number, params?: ErrorParams | null);
    /** A catalogued error: its message is the catalogue's words for its params. */
    static of(code: CataloguedCode, params?: ErrorParams, kind?: ErrorKind): DiscoError;
    /** The same error about one line of a file. */
    atLine(line: number): DiscoError;
    toJSON(): DiscoErrorJson;
    /** words of the caller's own (CLI arguments): never a rejection */
    static invalidArgument(text: string): DiscoError;
    static invalidDuration(text: string, reason: DurationReason, extra?: {
        maxHours?: number;
    }): DiscoError;
    static invalidDate(text: string, reason: DateReason, extra?: {
        format?: string | null;
    }): DiscoError;
    static invalidMonth(text: string): DiscoError;
    static invalidAmount(text: string, reason: AmountReason, extra?: {
        currency?: string;
        places?: number;
    }): DiscoError;
    static unknownCurrency(code: string): DiscoError;
    static invalidStream(text: string): DiscoError;
    static invalidField(field: string, reason: FieldReason, extra?: {
        max?: number;
        stream?: string;
        value?: string;
        expected?: string;
    }): DiscoError;
    static fieldTooLong(field: string, max: number): DiscoError;
    static invalidEntryId(text: string): DiscoError;
    static malformedFrame(reason: FrameReason, extra?: {
        name?: string;
        value?: string;
        tag?: number;
        mask?: number;
        version?: number;
        count?: number;
        max?: number;
        bytes?: number;
    }): DiscoError;
    static frameTooLarge(bytes: number, max: number): DiscoError;
    static protocolTooNew(version: number, active: number): DiscoError;
    static clockWentBack(time: number, last: number): DiscoError;
    static notFounded(): DiscoError;
    static alreadyFounded(): DiscoError;
    static unknownDevice(): DiscoError;
    static notAllowed(role: string, action: Action, extra?: {
        invitee?: string;
    }): DiscoError;
    static entryNotFound(id: string): DiscoError;
    static ambiguousEntryId(id: string, count: number): DiscoError;
    static notOwnEntry(id: string): DiscoError;
    static entryRetracted(id: string): DiscoError;
    static duplicateKey(key: string, existing: string): DiscoError;
    static memberNotFound(text: string): DiscoError;
    static ambiguousMember(text: string, count: number): DiscoError;
    static inviteNotFound(): DiscoError;
    static inviteUsed(): DiscoError;
    static inviteExpired(): DiscoError;
    static inviteExists(): DiscoError;
    static writerExists(): DiscoError;
    static removed(): DiscoError;
    static proposalNotFound(id: string): DiscoError;
    static proposalDecided(id: string, status: string): DiscoError;
    static closeTooEarly(id: string, until: number, now: number): DiscoError;
    static proposalUndecided(id: string): DiscoError;
    static deadlineTooSoon(deadline: number, earliest: number): DiscoError;
    static admitProofInvalid(): DiscoError;
    static inviterCannotGrant(role: string): DiscoError;
    static ownEntry(id: string): DiscoError;
    static alreadyEndorsed(id: string): DiscoError;
    static monthDistributed(month: string): DiscoError;
    static monthNotOver(month: string): DiscoError;
    static statementNotFound(month: string): DiscoError;
    static alreadyPaid(month: string): DiscoError;
    static emptyAmend(): DiscoError;
    static balanceLimit(): DiscoError;
    /** `id`: the federate's whole id (the words show its first 8 hex) */
    static unknownFederate(id: string): DiscoError;
    static alreadyCheckedIn(name: string, length: number, op: string): DiscoError;
    static disputeRecorded(name: string): DiscoError;
    static invalidCheckin(): DiscoError;
    static invalidEvidence(reason: EvidenceReason): DiscoError;
    static badRows(rows: DiscoError[]): DiscoError;
    /** `file`: the storage path itself, or the folder above it, that is a file */
    static storageNotAFolder(storage: string, file: string): DiscoError;
    static fileUnreadable(path: string, why: string): DiscoError;
    static notInitialised(storage: string): DiscoError;
    static alreadyInitialised(storage: string): DiscoError;
    static badConfig(path: string, why: string): DiscoError;
    static storeBusy(storage: string): DiscoError;
    /** The store cannot be read: `said` is the storage engine's own message, `file` the file it names. */
    static storeCorrupt(storage: string, file: string | null, said: string): DiscoError;
    static storeCopied(storage: string): DiscoError;
    static deviceForked(): DiscoError;
    static notConfirmed(timeoutMs: number): DiscoError;
    static diskFull(storage: string): DiscoError;
    static upgradeRequired(reason: string): DiscoError;
    static notWritable(): DiscoError;
    static closed(): DiscoError;
}
export declare function isDiscoError(err: unknown): err is DiscoError;
