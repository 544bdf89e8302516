import type { BeeReader } from 'hyperbee';
/**
 * The running sum, as eight 32-bit limbs (least significant first) rather than a BigInt: apply
 * adds and subtracts two hashes for most writes, and limbs keep that free of allocation.
 */
export declare class DigestSum {
    private readonly limbs;
    /** the sum a view's stored digest (64 hex digits, big-endian) stands for */
    static fromHex(hex: string): DigestSum;
    add(key: string, value: Uint8Array): void;
    remove(key: string, value: Uint8Array): void;
    hex(): string;
}
/** The digest recomputed from every key in a view: what the incremental one must equal. */
export declare function scanDigest(bee: BeeReader): Promise<string>;
