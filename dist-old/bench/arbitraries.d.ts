import fc from 'fast-check';
import type { AdmitOp, AmendOp, CloseOp, ContributionOp, ContributionPatch, EndorseOp, FoundOp, Frame, IncomeOp, InviteOp, Op, OpRef, PaidOp, ProfileOp, TickOp, ProposalAction, ProposeOp, RetractOp, VoteOp } from '../src/ledger/ops.js';
import type { Money } from '../src/ledger/currency.js';
/** Any safe non-negative integer, often a small one or a varint size boundary. */
export declare const safeNat: fc.Arbitrary<number>;
export declare const minutes: fc.Arbitrary<number>;
export declare const day: fc.Arbitrary<number>;
/** The longest prefix of `s` (whole code points) that fits in `max` UTF-8 bytes. */
export declare function fitBytes(s: string, max: number): string;
interface TextOptions {
    required?: boolean;
    multiline?: boolean;
}
/** Text that `checkText(field, value, max, opts)` accepts. */
export declare function text(max: number, opts?: TextOptions): fc.Arbitrary<string>;
/** Every ISO 4217 code the currency table knows. */
export declare const CURRENCIES: string[];
export declare const money: fc.Arbitrary<Money>;
/** A 32-byte key, as a Buffer (what the decoder hands back). */
export declare const key32: fc.Arbitrary<Buffer>;
export declare const ref: fc.Arbitrary<OpRef>;
export declare const tags: fc.Arbitrary<string[]>;
export declare const foundOp: fc.Arbitrary<FoundOp>;
/** A valid contribution: stream-specific fields only on their stream. */
export declare const contributionOp: fc.Arbitrary<ContributionOp>;
/** A patch with at least one field, each valid on its own (the merged entry is apply's business). */
export declare const patch: fc.Arbitrary<ContributionPatch>;
export declare const amendOp: fc.Arbitrary<AmendOp>;
export declare const retractOp: fc.Arbitrary<RetractOp>;
export declare const profileOp: fc.Arbitrary<ProfileOp>;
export declare const inviteOp: fc.Arbitrary<InviteOp>;
export declare const admitOp: fc.Arbitrary<AdmitOp>;
export declare const action: fc.Arbitrary<ProposalAction>;
export declare const proposeOp: fc.Arbitrary<ProposeOp>;
export declare const voteOp: fc.Arbitrary<VoteOp>;
export declare const closeOp: fc.Arbitrary<CloseOp>;
export declare const endorseOp: fc.Arbitrary<EndorseOp>;
export declare const incomeOp: fc.Arbitrary<IncomeOp>;
export declare const paidOp: fc.Arbitrary<PaidOp>;
export declare const tickOp: fc.Arbitrary<TickOp>;
/** One arbitrary per op type, keyed by type, so that a new op type without one fails to compile. */
export declare const OP_ARBITRARIES: {
    [T in Op['type']]: fc.Arbitrary<Extract<Op, {
        type: T;
    }>>;
};
export declare const op: fc.Arbitrary<Op>;
/** A valid frame: mostly a few ops of any type, sometimes a full block of small ones. */
export declare const frame: fc.Arbitrary<Frame>;
export declare const frameBuffer: fc.Arbitrary<Buffer>;
/** Random bytes, most of them behind a plausible header so that the decoder gets past it. */
export declare const randomBuffer: fc.Arbitrary<Buffer>;
export type Mutation = {
    kind: 'flip';
    at: number;
    bit: number;
} | {
    kind: 'set';
    at: number;
    byte: number;
} | {
    kind: 'insert';
    at: number;
    bytes: number[];
} | {
    kind: 'delete';
    at: number;
    n: number;
} | {
    kind: 'truncate';
    at: number;
} | {
    kind: 'copy';
    from: number;
    n: number;
    at: number;
};
export declare const mutation: fc.Arbitrary<Mutation>;
/** Positions are taken modulo the buffer's length, so any mutation applies to any buffer. */
export declare function mutate(buf: Buffer, m: Mutation): Buffer;
/** A valid frame with one to four bytes flipped, set, inserted, deleted, copied, or cut off. */
export declare const mutatedFrame: fc.Arbitrary<Buffer>;
/** (a) A valid frame: its ops pass validation, and both round trips are byte-exact. Throws on failure. */
export declare function checkRoundTrip(f: Frame): void;
export interface DecodeTally {
    accepted: number;
    refused: number;
}
/** (b, c) Any bytes: decodeFrame refuses them with a DiscoError (MALFORMED_FRAME or
 * FRAME_TOO_LARGE), or returns a frame that re-encodes to exactly these bytes. Throws otherwise. */
export declare function checkDecode(buf: Buffer, tally?: DecodeTally): void;
export {};
