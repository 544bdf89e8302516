export interface Money {
    /** integer amount in the currency's minor unit (cents for EUR, yen for JPY) */
    amount: number;
    /** ISO 4217 code, upper case */
    currency: string;
}
export declare function isCurrency(code: string): boolean;
export declare function currencyExponent(code: string): number;
export declare function parseCurrency(text: string): string;
/**
 * "120.50" EUR → 12050. Decimal text only, parsed as integers (never through a float): no
 * signs, no thousands separators, no more decimals than the currency has.
 */
export declare function parseMoney(amountText: string, currencyText: string): Money;
/** An exact amount in minor units: one entry's (a number), or a sum (a BigInt, or its digits). */
export interface ExactMoney {
    amount: number | bigint | string;
    currency: string;
}
/** 12050 EUR → "120.50", -2 EUR → "-0.02"; integer arithmetic on the digits, exact at any size. */
export declare function formatAmount(money: ExactMoney): string;
export declare function formatMoney(money: ExactMoney): string;
