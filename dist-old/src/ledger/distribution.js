import { STREAMS } from './streams.js';
/**
 * Split `amount` among the shares by weight: each gets floor(amount × w / W), and the units left
 * over go one each to the largest remainders; equal remainders go in the order the shares are given.
 * Returns amounts in the shares' order. All weights 0 → all amounts 0 (the caller decides what an
 * empty split means).
 */
export function largestRemainder(amount, shares) {
    if (amount < 0n)
        throw new RangeError('cannot split a negative amount');
    const total = shares.reduce((sum, s) => sum + s.weight, 0n);
    if (total === 0n)
        return shares.map(() => 0n);
    if (shares.some(s => s.weight < 0n))
        throw new RangeError('weights must not be negative');
    const floors = shares.map(s => (amount * s.weight) / total);
    const remainders = shares.map(s => (amount * s.weight) % total);
    let left = amount - floors.reduce((sum, q) => sum + q, 0n);
    const order = shares.map((_, i) => i).sort((a, b) => {
        const ra = remainders[a];
        const rb = remainders[b];
        return ra === rb ? a - b : (rb > ra ? 1 : -1);
    });
    const out = [...floors];
    for (const i of order) {
        if (left === 0n)
            break;
        out[i] = out[i] + 1n;
        left -= 1n;
    }
    return out;
}
/** The weights of docs/accounting.md, "Within each stream". */
export function weightOf(c, stream, careWeight) {
    const own = 1000n * c.credits[stream];
    return stream === 'care' ? own : own + BigInt(careWeight) * c.credits.care;
}
/**
 * Split `pool` (minor units) among the participants. A stream in which nobody has weight passes its
 * share to the others, by their split; null when nobody has any weight at all.
 */
export function distribute(pool, rules, participants) {
    const members = [...participants].sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
    const weights = new Map(STREAMS.map(s => [s, members.map(m => ({ key: m.member, weight: weightOf(m, s, rules.careWeight) }))]));
    const live = STREAMS.filter(s => (weights.get(s) ?? []).some(w => w.weight > 0n) && rules.split[s] > 0);
    if (live.length === 0)
        return null;
    const streamAmounts = largestRemainder(pool, live.map(s => ({ key: s, weight: BigInt(rules.split[s]) })));
    const streams = Object.fromEntries(STREAMS.map(s => [s, 0n]));
    live.forEach((s, i) => { streams[s] = streamAmounts[i]; });
    const payouts = members.map(m => ({ member: m.member, streams: { livelihood: 0n, love: 0n, care: 0n }, total: 0n }));
    for (const s of live) {
        const amounts = largestRemainder(streams[s], weights.get(s) ?? []);
        amounts.forEach((a, i) => {
            const p = payouts[i];
            p.streams[s] = a;
            p.total += a;
        });
    }
    return { streams, payouts };
}
//# sourceMappingURL=distribution.js.map