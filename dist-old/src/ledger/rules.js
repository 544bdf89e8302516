import { DiscoError } from '../errors.js';
import { STREAMS } from './streams.js';
/**
 * The cooperative's accounting rules (docs/accounting.md, "The rules"). They change only by a
 * passed `rules` proposal, which carries the whole new set; every version is kept, numbered from
 * 0 (the defaults, before any proposal), and every statement names the version it used.
 */
export const DATER_CREDITS = ['paid', 'recorded'];
export const LATE_POLICIES = ['carry', 'ignore'];
export const DEFAULT_RULES = {
    rate: { livelihood: 1, love: 1, care: 1 },
    moneyRate: 0,
    split: { livelihood: 50, love: 30, care: 20 },
    careWeight: 500,
    daterCredits: 'paid',
    needsEndorsement: false,
    late: 'carry'
};
/** The bounds keep every product in apply far inside what BigInt and JSON numbers hold exactly. */
export const RULE_LIMITS = { rate: 1000, moneyRate: 100_000, split: 1_000_000, careWeight: 10_000 };
export const DEFAULT_RULES_RECORD = { version: 0, rules: DEFAULT_RULES, proposal: null, since: 0 };
function wholeIn(field, value, max) {
    if (!Number.isSafeInteger(value) || value < 0 || value > max) {
        throw DiscoError.invalidField(field, 'whole-up-to', { max });
    }
}
export function validateRules(r) {
    for (const s of STREAMS) {
        wholeIn(`rate.${s}`, r.rate[s], RULE_LIMITS.rate);
        wholeIn(`split.${s}`, r.split[s], RULE_LIMITS.split);
    }
    if (STREAMS.every(s => r.split[s] === 0))
        throw DiscoError.invalidField('split', 'split-none');
    wholeIn('moneyRate', r.moneyRate, RULE_LIMITS.moneyRate);
    wholeIn('careWeight', r.careWeight, RULE_LIMITS.careWeight);
    if (!DATER_CREDITS.includes(r.daterCredits))
        throw DiscoError.invalidField('daterCredits', 'dater-credits');
    if (!LATE_POLICIES.includes(r.late))
        throw DiscoError.invalidField('late', 'late-policy');
    if (typeof r.needsEndorsement !== 'boolean')
        throw DiscoError.invalidField('needsEndorsement', 'yes-or-no');
}
//# sourceMappingURL=rules.js.map