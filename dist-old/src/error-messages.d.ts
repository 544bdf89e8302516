/**
 * The words of every catalogued error: code → a function of the error's params. An error is its
 * code and params (plain JSON values); this is where they become a sentence, when it is shown.
 *
 * Why a catalogue: apply records a rejected op in the view, and the view's digest covers every
 * byte of it. Were the sentence stored, rewording one would make nodes of two releases hold
 * different views. The view stores `{ code, params }` only, so wording here is free to change
 * (PROTOCOL.md, "Rejections"); a code, a param's name or a `reason` key is not.
 *
 * `reason` params name one of a fixed set of sub-cases (the tables below): a new case is a new
 * key, never free text — free text in a param would be wording in the view again.
 *
 * Imports nothing, so that every layer may use it.
 */
/** A param: a plain JSON value (what canonical JSON stores as is). */
export type ErrorParam = string | number | boolean | null;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;
/** INVALID_DURATION: why a duration is refused */
export declare const DURATION_REASONS: {
    'minutes-over-59': () => string;
    'not-whole-minutes': () => string;
    format: () => string;
    'too-short': () => string;
    'too-long': (p: {
        maxHours?: ErrorParam;
    }) => string;
    'clockify-hms': () => string;
    'clockify-decimal': () => string;
    negative: () => string;
    'timer-too-long': (p: {
        maxHours?: ErrorParam;
    }) => string;
    'import-hours': () => string;
    'too-many-digits': () => string;
};
export type DurationReason = keyof typeof DURATION_REASONS;
/** INVALID_DATE */
export declare const DATE_REASONS: {
    format: () => string;
    'no-such-day': () => string;
    'out-of-range': () => string;
    'expected-format': (p: {
        format?: ErrorParam;
    }) => string;
};
export type DateReason = keyof typeof DATE_REASONS;
/** INVALID_AMOUNT */
export declare const AMOUNT_REASONS: {
    format: () => string;
    'no-minor-unit': (p: {
        currency?: ErrorParam;
    }) => string;
    decimals: (p: {
        currency?: ErrorParam;
        places?: ErrorParam;
    }) => string;
    'too-large': () => string;
    'minor-units': () => string;
    'income-nothing': () => string;
    'pool-nothing': () => string;
    'no-currency': () => string;
};
export type AmountReason = keyof typeof AMOUNT_REASONS;
/** INVALID_FIELD: `<field>: <reason>` */
export declare const FIELD_REASONS: {
    'not-text': () => string;
    empty: () => string;
    blank: () => string;
    'control-characters': () => string;
    'not-unicode': () => string;
    'invite-must-expire': () => string;
    deadline: () => string;
    'indexers-none': () => string;
    'indexers-too-many': (p: {
        max?: ErrorParam;
    }) => string;
    'device-twice': () => string;
    'version-whole': () => string;
    'money-not-livelihood': (p: {
        stream?: ErrorParam;
    }) => string;
    'client-not-livelihood': (p: {
        stream?: ErrorParam;
    }) => string;
    'commons-not-love': (p: {
        stream?: ErrorParam;
    }) => string;
    'care-for': () => string;
    'for-not-care': (p: {
        stream?: ErrorParam;
    }) => string;
    'for-only-care': () => string;
    'care-target': (p: {
        value?: ErrorParam;
    }) => string;
    'tags-too-many': (p: {
        max?: ErrorParam;
    }) => string;
    'tag-twice': (p: {
        value?: ErrorParam;
    }) => string;
    'whole-up-to': (p: {
        max?: ErrorParam;
    }) => string;
    'split-none': () => string;
    'dater-credits': () => string;
    'late-policy': () => string;
    'yes-or-no': () => string;
    'edge-spaces': () => string;
    'federate-id': () => string;
    trust: (p: {
        max?: ErrorParam;
    }) => string;
    stage: (p: {
        max?: ErrorParam;
    }) => string;
    days: (p: {
        max?: ErrorParam;
    }) => string;
    'manifest-size': (p: {
        max?: ErrorParam;
    }) => string;
    'merkle-too-many': (p: {
        max?: ErrorParam;
    }) => string;
    'merkle-node': () => string;
    'signed-length': () => string;
    'fork-id': () => string;
    'signature-size': (p: {
        max?: ErrorParam;
    }) => string;
    'bidi-controls': () => string;
    'proof-size': (p: {
        max?: ErrorParam;
    }) => string;
    'mirrors-too-many': (p: {
        max?: ErrorParam;
    }) => string;
    'not-mirror-key': (p: {
        value?: ErrorParam;
    }) => string;
    'mirror-twice': () => string;
    hours: (p: {
        max?: ErrorParam;
    }) => string;
    'wrong-type': (p: {
        expected?: ErrorParam;
        value?: ErrorParam;
    }) => string;
    'text-too-long': (p: {
        max?: ErrorParam;
    }) => string;
    'not-finite': () => string;
    'list-too-long': (p: {
        max?: ErrorParam;
    }) => string;
    'unknown-field': () => string;
    required: () => string;
    'not-flag': (p: {
        value?: ErrorParam;
    }) => string;
    'not-whole': (p: {
        value?: ErrorParam;
    }) => string;
};
export type FieldReason = keyof typeof FIELD_REASONS;
/** MALFORMED_FRAME. A decoder library's own error text is never a param: a new release of it
 * could reword it, and the rejection with it. */
export declare const FRAME_REASONS: {
    'unknown-value': (p: {
        name?: ErrorParam;
        value?: ErrorParam;
    }) => string;
    'unknown-tag': (p: {
        name?: ErrorParam;
        tag?: ErrorParam;
    }) => string;
    'empty-for-coop': () => string;
    'amend-mask': (p: {
        mask?: ErrorParam;
    }) => string;
    'no-decoder': (p: {
        version?: ErrorParam;
    }) => string;
    'op-count': (p: {
        count?: ErrorParam;
        max?: ErrorParam;
    }) => string;
    'no-version-header': () => string;
    undecodable: () => string;
    'trailing-bytes': (p: {
        bytes?: ErrorParam;
    }) => string;
    'cannot-re-encode': () => string;
    'not-canonical': () => string;
};
export type FrameReason = keyof typeof FRAME_REASONS;
/** NOT_ALLOWED: `a <role> may not <action>` */
export declare const ACTIONS: {
    propose: () => string;
    vote: () => string;
    'vote-members': () => string;
    endorse: () => string;
    'record-income': () => string;
    'mark-paid': () => string;
    'log-value': () => string;
    invite: (p: {
        invitee?: ErrorParam;
    }) => string;
    close: () => string;
};
export type Action = keyof typeof ACTIONS;
/** INVALID_EVIDENCE, as apply checks a dispute */
export declare const EVIDENCE_REASONS: {
    'manifest-undecodable': () => string;
    'manifest-not-federates': () => string;
    'witnessed-unsigned': () => string;
    'observed-unsigned': () => string;
    'same-history': () => string;
    'proof-mismatch': () => string;
    extends: () => string;
    'one-history': () => string;
};
export type EvidenceReason = keyof typeof EVIDENCE_REASONS;
type P = Record<string, ErrorParam>;
/** Every catalogued code and its words. Keep one entry per DiscoError factory. */
export declare const MESSAGES: {
    INVALID_ARGUMENT: (p: P) => string;
    INVALID_DURATION: (p: P) => string;
    INVALID_DATE: (p: P) => string;
    INVALID_MONTH: (p: P) => string;
    INVALID_AMOUNT: (p: P) => string;
    UNKNOWN_CURRENCY: (p: P) => string;
    INVALID_STREAM: (p: P) => string;
    INVALID_FIELD: (p: P) => string;
    FIELD_TOO_LONG: (p: P) => string;
    INVALID_ENTRY_ID: (p: P) => string;
    MALFORMED_FRAME: (p: P) => string;
    FRAME_TOO_LARGE: (p: P) => string;
    PROTOCOL_VERSION: (p: P) => string;
    CLOCK_WENT_BACK: (p: P) => string;
    NOT_FOUNDED: () => string;
    ALREADY_FOUNDED: () => string;
    UNKNOWN_DEVICE: () => string;
    NOT_ALLOWED: (p: P) => string;
    ENTRY_NOT_FOUND: (p: P) => string;
    AMBIGUOUS_ENTRY_ID: (p: P) => string;
    NOT_OWN_ENTRY: (p: P) => string;
    ENTRY_RETRACTED: (p: P) => string;
    DUPLICATE_KEY: (p: P) => string;
    MEMBER_NOT_FOUND: (p: P) => string;
    AMBIGUOUS_MEMBER: (p: P) => string;
    INVITE_NOT_FOUND: () => string;
    INVITE_USED: () => string;
    INVITE_EXPIRED: () => string;
    INVITE_EXISTS: () => string;
    WRITER_EXISTS: () => string;
    REMOVED: () => string;
    PROPOSAL_NOT_FOUND: (p: P) => string;
    PROPOSAL_DECIDED: (p: P) => string;
    CLOSE_TOO_EARLY: (p: P) => string;
    PROPOSAL_UNDECIDED: (p: P) => string;
    DEADLINE_TOO_SOON: (p: P) => string;
    ADMIT_PROOF_INVALID: () => string;
    INVITER_CANNOT_GRANT: (p: P) => string;
    OWN_ENTRY: (p: P) => string;
    ALREADY_ENDORSED: (p: P) => string;
    MONTH_DISTRIBUTED: (p: P) => string;
    MONTH_NOT_OVER: (p: P) => string;
    STATEMENT_NOT_FOUND: (p: P) => string;
    ALREADY_PAID: (p: P) => string;
    EMPTY_AMEND: () => string;
    BALANCE_LIMIT: () => string;
    UNKNOWN_FEDERATE: (p: P) => string;
    ALREADY_CHECKED_IN: (p: P) => string;
    DISPUTE_RECORDED: (p: P) => string;
    INVALID_CHECKIN: () => string;
    INVALID_EVIDENCE: (p: P) => string;
    BAD_ROWS: (p: P) => string;
    FILE_UNREADABLE: (p: P) => string;
    NOT_INITIALISED: (p: P) => string;
    ALREADY_INITIALISED: (p: P) => string;
    BAD_CONFIG: (p: P) => string;
    STORE_BUSY: (p: P) => string;
    STORE_COPIED: (p: P) => string;
    DEVICE_FORKED: () => string;
    NOT_CONFIRMED: (p: P) => string;
    DISK_FULL: (p: P) => string;
    UPGRADE_REQUIRED: (p: P) => string;
    NOT_WRITABLE: () => string;
    CLOSED: () => string;
};
export type CataloguedCode = keyof typeof MESSAGES;
export type Catalogue = Record<CataloguedCode, (p: P) => string>;
/**
 * Render with another catalogue from now on (a translation; the tests, to prove that no wording
 * reaches the view). Returns the catalogue it replaces.
 */
export declare function useCatalogue(catalogue: Catalogue): Catalogue;
/**
 * The words for a code and its params. Never throws: a code this release does not know, or params
 * it cannot render (a view written by another release), read as the code and its params.
 */
export declare function renderError(code: string, params: ErrorParams, catalogue?: Catalogue): string;
export {};
