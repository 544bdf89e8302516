import type { Stream } from './streams.js';
/**
 * The distribution arithmetic of docs/accounting.md: a pool split between the streams, then within
 * each stream by weight, with the care rebalancing, every split by the largest remainder. Pure and
 * integer-only (BigInt for the products), so every node computes the same cents and the payouts
 * sum to the pool exactly.
 */
/** One share to split: its key (a stream, a member id) and its whole weight. */
export interface Share<K extends string> {
    key: K;
    weight: bigint;
}
/**
 * Split `amount` among the shares by weight: each gets floor(amount × w / W), and the units left
 * over go one each to the largest remainders; equal remainders go in the order the shares are given.
 * Returns amounts in the shares' order. All weights 0 → all amounts 0 (the caller decides what an
 * empty split means).
 */
export declare function largestRemainder<K extends string>(amount: bigint, shares: Array<Share<K>>): bigint[];
export interface DistributionRules {
    /** whole weights of the pool's split between the streams */
    split: Record<Stream, number>;
    /** the care rebalancing, in thousandths */
    careWeight: number;
}
/** A paid participant's credit-minutes in the month, per stream. */
export interface Credits {
    member: string;
    credits: Record<Stream, bigint>;
}
export interface Payout {
    member: string;
    streams: Record<Stream, bigint>;
    total: bigint;
}
export interface Distribution {
    /** what each stream received of the pool */
    streams: Record<Stream, bigint>;
    /** in member id order */
    payouts: Payout[];
}
/** The weights of docs/accounting.md, "Within each stream". */
export declare function weightOf(c: Credits, stream: Stream, careWeight: number): bigint;
/**
 * Split `pool` (minor units) among the participants. A stream in which nobody has weight passes its
 * share to the others, by their split; null when nobody has any weight at all.
 */
export declare function distribute(pool: bigint, rules: DistributionRules, participants: Credits[]): Distribution | null;
