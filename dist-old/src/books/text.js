import { formatAmount } from '../ledger/currency.js';
import { isWorkUnit } from './work.js';
/**
 * Text helpers the renderers share. Descriptions come from members (client names, references), so
 * anything that could end a line or a field in a journal is taken out here, once.
 */
/** Control characters (CR, LF, tab, NUL…) and the Unicode line/paragraph separators become spaces. */
export function singleLine(text) {
    return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').trim();
}
/**
 * Signed minor units as a decimal with exactly the currency's decimals: -27500 EUR → "-275.00".
 * Work units (minutes, credit-minutes) are whole numbers.
 */
export function decimal(amount, currency) {
    if (isWorkUnit(currency))
        return String(amount);
    const text = formatAmount({ amount: Math.abs(amount), currency });
    return amount < 0 ? `-${text}` : text;
}
//# sourceMappingURL=text.js.map