import type { Frame, Op } from './ops.js';
export declare function encodeFrame(f: Frame): Uint8Array;
/** The bytes one op adds to a frame: what packing counts against MAX_FRAME_BYTES. */
export declare function encodedOpLength(o: Op): number;
/** The size of a frame's header with `count` ops, at most: version, a 9-byte time, count. */
export declare const FRAME_HEADER_MAX: number;
/** The protocol version a block claims, read without decoding the rest. */
export declare function peekVersion(buf: Uint8Array): number;
export declare function decodeFrame(buf: Uint8Array): Frame;
