import { formatAmount } from '../ledger/currency.js';
import { shortId } from '../ledger/ids.js';
export function moneyView(amount, currency) {
    return { amount: BigInt(amount).toString(), currency, display: formatAmount({ amount, currency }) };
}
export function entryView(entry, members) {
    return {
        ...entry,
        shortId: shortId(entry.id),
        memberName: members.get(entry.member)?.name ?? entry.member.slice(0, 8),
        money: entry.money === null ? null : moneyView(entry.money.amount, entry.money.currency)
    };
}
export function balanceView(stream, balance) {
    return {
        stream,
        minutes: balance.minutes,
        entries: balance.entries,
        money: Object.keys(balance.money).sort().map(cur => moneyView(balance.money[cur] ?? '0', cur))
    };
}
//# sourceMappingURL=views.js.map