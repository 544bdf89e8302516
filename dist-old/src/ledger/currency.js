import { DiscoError } from '../errors.js';
import { MAX_MONEY_MINOR } from './limits.js';
/**
 * ISO 4217 codes and their minor-unit exponents. A fixed table, not Intl: apply must give the
 * same answer on every node, whatever ICU its Node was built with.
 */
const BY_EXPONENT = {
    0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
    2: 'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP ' +
        'BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR ' +
        'FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW ' +
        'KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN ' +
        'NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD ' +
        'SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU ' +
        'UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL',
    3: 'BHD IQD JOD KWD LYD OMR TND',
    4: 'CLF UYW'
};
const EXPONENTS = new Map();
for (const [exp, codes] of Object.entries(BY_EXPONENT)) {
    for (const code of codes.split(' '))
        EXPONENTS.set(code, Number(exp));
}
export function isCurrency(code) {
    return EXPONENTS.has(code);
}
export function currencyExponent(code) {
    const exp = EXPONENTS.get(code);
    if (exp === undefined)
        throw DiscoError.unknownCurrency(code);
    return exp;
}
export function parseCurrency(text) {
    const code = text.trim().toUpperCase();
    if (!EXPONENTS.has(code))
        throw DiscoError.unknownCurrency(text);
    return code;
}
/**
 * "120.50" EUR → 12050. Decimal text only, parsed as integers (never through a float): no
 * signs, no thousands separators, no more decimals than the currency has.
 */
export function parseMoney(amountText, currencyText) {
    const currency = parseCurrency(currencyText);
    const exp = currencyExponent(currency);
    const text = amountText.trim();
    const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
    if (m === null)
        throw DiscoError.invalidAmount(amountText, 'format');
    const whole = m[1];
    const frac = m[2] ?? '';
    if (frac.length > exp) {
        throw exp === 0
            ? DiscoError.invalidAmount(amountText, 'no-minor-unit', { currency })
            : DiscoError.invalidAmount(amountText, 'decimals', { currency, places: exp });
    }
    const digits = (whole + frac.padEnd(exp, '0')).replace(/^0+(?=\d)/, '');
    if (digits.length > 16)
        throw DiscoError.invalidAmount(amountText, 'too-large');
    const amount = Number(digits);
    if (amount > MAX_MONEY_MINOR)
        throw DiscoError.invalidAmount(amountText, 'too-large');
    return { amount, currency };
}
/** 12050 EUR → "120.50", -2 EUR → "-0.02"; integer arithmetic on the digits, exact at any size. */
export function formatAmount(money) {
    const exp = currencyExponent(money.currency);
    const value = BigInt(money.amount);
    const sign = value < 0n ? '-' : '';
    const digits = (value < 0n ? -value : value).toString().padStart(exp + 1, '0');
    if (exp === 0)
        return sign + digits;
    return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}
export function formatMoney(money) {
    return `${formatAmount(money)} ${money.currency}`;
}
//# sourceMappingURL=currency.js.map