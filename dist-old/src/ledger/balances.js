export function emptyBalance() {
    return { minutes: 0, entries: 0, money: {} };
}
/** Add (sign 1) or take away (sign -1) one entry. Zero amounts are dropped, so that logging and
 * retracting an entry leaves the balance exactly as it was. */
export function applyEntry(balance, entry, sign) {
    const money = { ...balance.money };
    if (entry.money !== null)
        addMoney(money, entry.money.currency, BigInt(sign) * BigInt(entry.money.amount));
    return {
        minutes: balance.minutes + sign * entry.minutes,
        entries: balance.entries + sign,
        money
    };
}
export function isEmptyBalance(balance) {
    return balance.minutes === 0 && balance.entries === 0 && Object.keys(balance.money).length === 0;
}
export function sumBalances(a, b) {
    const money = { ...a.money };
    for (const [cur, amount] of Object.entries(b.money))
        addMoney(money, cur, BigInt(amount));
    return { minutes: a.minutes + b.minutes, entries: a.entries + b.entries, money };
}
/** Add an exact amount to a currency's sum; a sum of zero is dropped. */
function addMoney(money, currency, amount) {
    const next = BigInt(money[currency] ?? '0') + amount;
    if (next === 0n)
        delete money[currency];
    else
        money[currency] = next.toString();
}
//# sourceMappingURL=balances.js.map