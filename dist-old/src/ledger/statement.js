import { distribute } from './distribution.js';
import { STREAMS } from './streams.js';
/**
 * The credit-minutes one entry earns (docs/accounting.md, "What earns credits"): 0 unless it is
 * active, and endorsed where the rules require it; minutes × rate, plus, for money earned in the
 * distribution's currency, floor(amount × moneyRate / 100).
 */
export function entryCredits(entry, rules, currency) {
    if (entry.status !== 'active')
        return 0n;
    if (rules.needsEndorsement && entry.endorsedBy.length === 0)
        return 0n;
    let credits = BigInt(entry.minutes) * BigInt(rules.rate[entry.stream]);
    if (entry.money !== null && entry.money.currency === currency && rules.moneyRate > 0) {
        // up to 10^15 minor units × 100,000: past 2^53, so exact only in BigInt
        credits += BigInt(entry.money.amount) * BigInt(rules.moneyRate) / 100n;
    }
    return credits;
}
export function noCredits() {
    return { livelihood: 0n, love: 0n, care: 0n };
}
/** Credits as the view and the commands write them: exact integers as decimal text. */
export function creditsText(c) {
    return { livelihood: c.livelihood.toString(), love: c.love.toString(), care: c.care.toString() };
}
/** Whether a participant's credits have weight in a distribution under these rules. */
export function isPaid(role, rules) {
    if (role === 'member' || role === 'contributor')
        return true;
    if (role === 'dater')
        return rules.daterCredits === 'paid';
    return false;
}
const zero = () => ({ livelihood: 0, love: 0, care: 0 });
/** The money part of a statement: credits per participant and stream, then the split. */
export function computeStatement(input) {
    const credits = new Map();
    const add = (member, stream, n) => {
        const c = credits.get(member) ?? noCredits();
        c[stream] += n;
        credits.set(member, c);
    };
    let counted = 0;
    for (const e of input.entries) {
        const n = entryCredits(e, input.rules, input.currency);
        if (n > 0n) {
            add(e.member, e.stream, n);
            counted++;
        }
    }
    for (const d of input.carried)
        add(d.member, d.stream, BigInt(d.credits));
    const who = new Map(input.participants.map(p => [p.id, p]));
    const weighed = [];
    for (const [member, c] of credits) {
        // a retraction carried in can take more than the month gave: credits never go below 0
        for (const s of STREAMS)
            if (c[s] < 0n)
                c[s] = 0n;
        if (STREAMS.every(s => c[s] === 0n))
            continue;
        const p = who.get(member);
        const role = p?.role ?? 'supporter';
        const line = { member, name: p?.name ?? member.slice(0, 8), role, paid: isPaid(role, input.rules), credits: creditsText(c), amounts: zero(), total: 0 };
        weighed.push({ line, credits: c });
    }
    weighed.sort((a, b) => (a.line.member < b.line.member ? -1 : a.line.member > b.line.member ? 1 : 0));
    const lines = weighed.map(w => w.line);
    const paid = weighed.filter(w => w.line.paid).map(w => ({ member: w.line.member, credits: w.credits }));
    const d = distribute(BigInt(input.pool), input.rules, paid);
    if (d === null)
        return { ok: false, problem: `nobody earned credits that count in ${input.month}` };
    for (const p of d.payouts) {
        const line = lines.find(l => l.member === p.member);
        for (const s of STREAMS)
            line.amounts[s] = Number(p.streams[s]);
        line.total = Number(p.total);
    }
    const streams = zero();
    for (const s of STREAMS)
        streams[s] = Number(d.streams[s]);
    return { ok: true, streams, lines, entries: counted };
}
//# sourceMappingURL=statement.js.map