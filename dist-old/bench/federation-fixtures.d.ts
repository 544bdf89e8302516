import type { CheckinOp, DisputeOp, SignedState } from '../src/ledger/ops.js';
export interface FakeFederate {
    key: Uint8Array;
    manifest: Uint8Array;
    keyPair: {
        publicKey: Uint8Array;
        secretKey: Uint8Array;
    };
}
export declare function fakeFederate(seedByte: number): FakeFederate;
/** The federate's signature over a tree hash at a length and fork, as hypercore makes it. */
export declare function signState(f: FakeFederate, treeHash: Uint8Array, length: number, fork: number): SignedState;
export declare function checkinOf(f: FakeFederate, s: SignedState): CheckinOp;
export declare const FAKE_FEDERATES: FakeFederate[];
/** Valid check-ins, at varint edges of length and fork. */
export declare const SIGNED_CHECKINS: CheckinOp[];
/** Valid evidence: two histories at one length, and a signed truncation below a witnessed length. */
export declare const SIGNED_DISPUTES: DisputeOp[];
