import { DiscoError } from '../errors.js';
import { DATER_CREDITS, LATE_POLICIES, validateRules } from '../ledger/rules.js';
import { STREAMS, parseStream } from '../ledger/streams.js';
function whole(text, what) {
    const s = String(text).trim();
    if (!/^\d{1,9}$/.test(s))
        throw DiscoError.invalidArgument(`${what} must be a whole number, not "${s}"`);
    return Number(s);
}
function oneOf(values, text, what) {
    const v = text.trim().toLowerCase();
    if (!values.includes(v))
        throw DiscoError.invalidArgument(`${what} must be ${values.join(' or ')}, not "${text}"`);
    return v;
}
function yesNo(v, what) {
    if (typeof v === 'boolean')
        return v;
    return oneOf(['yes', 'no'], v, what) === 'yes';
}
export function changedRules(current, change) {
    const next = { ...current, rate: { ...current.rate }, split: { ...current.split } };
    let changed = false;
    for (const pair of change.rate ?? []) {
        const m = /^([a-z]+)=(.+)$/i.exec(pair.trim());
        if (m === null)
            throw DiscoError.invalidArgument(`--rate takes stream=credits per hour, e.g. love=2, not "${pair}"`);
        next.rate[parseStream(m[1])] = whole(m[2], `the rate of ${m[1]}`);
        changed = true;
    }
    if (change.split !== undefined) {
        const parts = change.split.split('/');
        if (parts.length !== 3)
            throw DiscoError.invalidArgument(`--split takes three weights, livelihood/love/care, e.g. 50/30/20, not "${change.split}"`);
        STREAMS.forEach((s, i) => { next.split[s] = whole(parts[i], `the split of ${s}`); });
        changed = true;
    }
    if (change.moneyRate !== undefined) {
        next.moneyRate = whole(change.moneyRate, '--money-rate');
        changed = true;
    }
    if (change.careWeight !== undefined) {
        next.careWeight = whole(change.careWeight, '--care-weight');
        changed = true;
    }
    if (change.daterCredits !== undefined) {
        next.daterCredits = oneOf(DATER_CREDITS, change.daterCredits, '--dater-credits');
        changed = true;
    }
    if (change.needsEndorsement !== undefined) {
        next.needsEndorsement = yesNo(change.needsEndorsement, '--needs-endorsement');
        changed = true;
    }
    if (change.late !== undefined) {
        next.late = oneOf(LATE_POLICIES, change.late, '--late');
        changed = true;
    }
    if (!changed)
        throw DiscoError.invalidArgument('name at least one rule to change (see disco propose rules --help)');
    validateRules(next);
    return next;
}
//# sourceMappingURL=rules-change.js.map