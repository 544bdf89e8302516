/**
 * Text helpers the renderers share. Descriptions come from members (client names, references), so
 * anything that could end a line or a field in a journal is taken out here, once.
 */
/** Control characters (CR, LF, tab, NUL…) and the Unicode line/paragraph separators become spaces. */
export declare function singleLine(text: string): string;
/**
 * Signed minor units as a decimal with exactly the currency's decimals: -27500 EUR → "-275.00".
 * Work units (minutes, credit-minutes) are whole numbers.
 */
export declare function decimal(amount: number, currency: string): string;
