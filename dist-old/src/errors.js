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
import { renderError } from './error-messages.js';
export class DiscoError extends Error {
    code;
    kind;
    /** 1-based line of a file the error refers to, when it refers to one (imports). */
    line;
    /** the errors of single rows, for an error about a whole file */
    rows;
    /** what the message is rendered from; null for an error made with words of its own (one
     * that never reaches the view: CLI and transport errors) */
    params;
    constructor(code, message, kind = 'input', line, params = null) {
        super(message);
        this.name = 'DiscoError';
        this.code = code;
        this.kind = kind;
        this.line = line;
        this.rows = undefined;
        this.params = params;
    }
    /** A catalogued error: its message is the catalogue's words for its params. */
    static of(code, params = {}, kind = 'input') {
        return new DiscoError(code, renderError(code, params), kind, undefined, params);
    }
    /** The same error about one line of a file. */
    atLine(line) {
        return new DiscoError(this.code, this.message, this.kind, line, this.params);
    }
    toJSON() {
        const out = { code: this.code, message: this.message };
        if (this.line !== undefined)
            out.line = this.line;
        if (this.rows !== undefined)
            out.rows = this.rows.map(r => r.toJSON());
        return out;
    }
    // --- input: values -------------------------------------------------------------------------
    /** words of the caller's own (CLI arguments): never a rejection */
    static invalidArgument(text) { return DiscoError.of('INVALID_ARGUMENT', { text }); }
    static invalidDuration(text, reason, extra = {}) {
        return DiscoError.of('INVALID_DURATION', { text, reason, ...extra });
    }
    static invalidDate(text, reason, extra = {}) {
        return DiscoError.of('INVALID_DATE', { text, reason, ...extra });
    }
    static invalidMonth(text) {
        return DiscoError.of('INVALID_MONTH', { text });
    }
    static invalidAmount(text, reason, extra = {}) {
        return DiscoError.of('INVALID_AMOUNT', { text, reason, ...extra });
    }
    static unknownCurrency(code) {
        return DiscoError.of('UNKNOWN_CURRENCY', { code });
    }
    static invalidStream(text) {
        return DiscoError.of('INVALID_STREAM', { text });
    }
    static invalidField(field, reason, extra = {}) {
        return DiscoError.of('INVALID_FIELD', { field, reason, ...extra });
    }
    static fieldTooLong(field, max) {
        return DiscoError.of('FIELD_TOO_LONG', { field, max });
    }
    static invalidEntryId(text) {
        return DiscoError.of('INVALID_ENTRY_ID', { text });
    }
    // --- input: wire format (rejection reasons in apply) -------------------------------------------
    static malformedFrame(reason, extra = {}) {
        return DiscoError.of('MALFORMED_FRAME', { reason, ...extra });
    }
    static frameTooLarge(bytes, max) {
        return DiscoError.of('FRAME_TOO_LARGE', { bytes, max });
    }
    static protocolTooNew(version, active) {
        return DiscoError.of('PROTOCOL_VERSION', { version, active });
    }
    static clockWentBack(time, last) {
        return DiscoError.of('CLOCK_WENT_BACK', { time, last });
    }
    // --- input: references and rights (rejection reasons in apply, and pre-checks in handlers) ----
    static notFounded() { return DiscoError.of('NOT_FOUNDED'); }
    static alreadyFounded() { return DiscoError.of('ALREADY_FOUNDED'); }
    static unknownDevice() { return DiscoError.of('UNKNOWN_DEVICE'); }
    static notAllowed(role, action, extra = {}) {
        return DiscoError.of('NOT_ALLOWED', { role, action, ...extra });
    }
    static entryNotFound(id) { return DiscoError.of('ENTRY_NOT_FOUND', { id }); }
    static ambiguousEntryId(id, count) {
        return DiscoError.of('AMBIGUOUS_ENTRY_ID', { id, count });
    }
    static notOwnEntry(id) { return DiscoError.of('NOT_OWN_ENTRY', { id }); }
    static entryRetracted(id) { return DiscoError.of('ENTRY_RETRACTED', { id }); }
    static duplicateKey(key, existing) {
        return DiscoError.of('DUPLICATE_KEY', { key, existing });
    }
    static memberNotFound(text) { return DiscoError.of('MEMBER_NOT_FOUND', { text }); }
    static ambiguousMember(text, count) {
        return DiscoError.of('AMBIGUOUS_MEMBER', { text, count });
    }
    static inviteNotFound() { return DiscoError.of('INVITE_NOT_FOUND'); }
    static inviteUsed() { return DiscoError.of('INVITE_USED'); }
    static inviteExpired() { return DiscoError.of('INVITE_EXPIRED'); }
    static inviteExists() { return DiscoError.of('INVITE_EXISTS'); }
    static writerExists() { return DiscoError.of('WRITER_EXISTS'); }
    static removed() { return DiscoError.of('REMOVED'); }
    static proposalNotFound(id) { return DiscoError.of('PROPOSAL_NOT_FOUND', { id }); }
    static proposalDecided(id, status) {
        return DiscoError.of('PROPOSAL_DECIDED', { id, status });
    }
    static closeTooEarly(id, until, now) {
        return DiscoError.of('CLOSE_TOO_EARLY', { id, until, now });
    }
    static proposalUndecided(id) { return DiscoError.of('PROPOSAL_UNDECIDED', { id }); }
    static deadlineTooSoon(deadline, earliest) {
        return DiscoError.of('DEADLINE_TOO_SOON', { deadline, earliest });
    }
    static admitProofInvalid() { return DiscoError.of('ADMIT_PROOF_INVALID'); }
    static inviterCannotGrant(role) {
        return DiscoError.of('INVITER_CANNOT_GRANT', { role });
    }
    static ownEntry(id) {
        return DiscoError.of('OWN_ENTRY', { id });
    }
    static alreadyEndorsed(id) { return DiscoError.of('ALREADY_ENDORSED', { id }); }
    static monthDistributed(month) {
        return DiscoError.of('MONTH_DISTRIBUTED', { month });
    }
    static monthNotOver(month) {
        return DiscoError.of('MONTH_NOT_OVER', { month });
    }
    static statementNotFound(month) {
        return DiscoError.of('STATEMENT_NOT_FOUND', { month });
    }
    static alreadyPaid(month) { return DiscoError.of('ALREADY_PAID', { month }); }
    static emptyAmend() { return DiscoError.of('EMPTY_AMEND'); }
    static balanceLimit() { return DiscoError.of('BALANCE_LIMIT'); }
    /** `id`: the federate's whole id (the words show its first 8 hex) */
    static unknownFederate(id) { return DiscoError.of('UNKNOWN_FEDERATE', { id }); }
    static alreadyCheckedIn(name, length, op) {
        return DiscoError.of('ALREADY_CHECKED_IN', { name, length, op });
    }
    static disputeRecorded(name) { return DiscoError.of('DISPUTE_RECORDED', { name }); }
    static invalidCheckin() { return DiscoError.of('INVALID_CHECKIN'); }
    static invalidEvidence(reason) { return DiscoError.of('INVALID_EVIDENCE', { reason }); }
    // --- input: files ----------------------------------------------------------------------------
    static badRows(rows) {
        const err = DiscoError.of('BAD_ROWS', { count: rows.length });
        err.rows = rows;
        return err;
    }
    /** `file`: the storage path itself, or the folder above it, that is a file */
    static storageNotAFolder(storage, file) {
        const what = file === storage ? `"${storage}" is a file` : `"${storage}" cannot be a folder: "${file}" is a file`;
        return new DiscoError('STORAGE_NOT_A_FOLDER', `the storage folder ${what}: give --storage a folder (it is made if missing)`);
    }
    static fileUnreadable(path, why) {
        return DiscoError.of('FILE_UNREADABLE', { path, why });
    }
    // --- state -----------------------------------------------------------------------------------
    static notInitialised(storage) {
        return DiscoError.of('NOT_INITIALISED', { storage }, 'state');
    }
    static alreadyInitialised(storage) {
        return DiscoError.of('ALREADY_INITIALISED', { storage }, 'state');
    }
    static badConfig(path, why) {
        return DiscoError.of('BAD_CONFIG', { path, why }, 'state');
    }
    static storeBusy(storage) {
        return DiscoError.of('STORE_BUSY', { storage }, 'state');
    }
    /** The store cannot be read: `said` is the storage engine's own message, `file` the file it names. */
    static storeCorrupt(storage, file, said) {
        const what = said.replace(/\s+/g, ' ').trim().slice(0, 300);
        return new DiscoError('STORE_CORRUPT', `the store in ${storage} is damaged and cannot be opened` +
            `${file !== null ? ` (${file})` : ''}: the storage engine said "${what}". ` +
            'Nothing was changed. Move the folder aside and restore it from a backup (one older than your last entries forks ' +
            'this device: then re-pair), or pair this machine again as a new device (disco invite --device on another device ' +
            'of yours, then disco join with a new --storage) to rebuild the ledger from your peers', 'state');
    }
    static storeCopied(storage) {
        return DiscoError.of('STORE_COPIED', { storage }, 'state');
    }
    static deviceForked() {
        return DiscoError.of('DEVICE_FORKED', {}, 'state');
    }
    static notConfirmed(timeoutMs) {
        return DiscoError.of('NOT_CONFIRMED', { timeoutMs }, 'state');
    }
    static diskFull(storage) {
        return DiscoError.of('DISK_FULL', { storage }, 'state');
    }
    static upgradeRequired(reason) {
        return DiscoError.of('UPGRADE_REQUIRED', { reason }, 'state');
    }
    static notWritable() {
        return DiscoError.of('NOT_WRITABLE', {}, 'state');
    }
    static closed() { return DiscoError.of('CLOSED', {}, 'state'); }
}
export function isDiscoError(err) {
    return err instanceof DiscoError;
}
//# sourceMappingURL=errors.js.map