import { DiscoError } from '../errors.js';
import { formatDay, lastDayOfMonth, parseDate, parseMonth } from '../ledger/dates.js';
export function periodOf(input) {
    if (input.month !== undefined) {
        if (input.from !== undefined || input.to !== undefined)
            throw DiscoError.invalidArgument('give --month, or --from and --to, not both');
        const m = parseMonth(input.month);
        return { from: `${m}-01`, to: lastDayOfMonth(m), label: m };
    }
    const from = input.from === undefined ? '0000-00-00' : formatDay(parseDate(input.from));
    const to = input.to === undefined ? '9999-99-99' : formatDay(parseDate(input.to));
    if (from > to)
        throw DiscoError.invalidArgument(`--from ${from} is after --to ${to}`);
    const label = input.from === undefined && input.to === undefined ? 'all time' : `${input.from === undefined ? '…' : from} … ${input.to === undefined ? '…' : to}`;
    return { from, to, label };
}
export function inPeriod(date, p) {
    return date >= p.from && date <= p.to;
}
//# sourceMappingURL=period.js.map