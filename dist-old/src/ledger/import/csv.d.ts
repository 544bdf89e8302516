/**
 * A time tracker's CSV file as a header and records with their line numbers, by csv-parse. The
 * delimiter is the one the header splits into the most columns (exports are comma-separated, or
 * semicolon-separated where the decimal mark is a comma, and some tools offer tabs).
 */
export interface CsvRecord {
    line: number;
    cells: string[];
}
export interface CsvFile {
    delimiter: Delimiter;
    header: string[];
    records: CsvRecord[];
}
export declare const DELIMITERS: readonly [",", ";", "\t"];
export type Delimiter = typeof DELIMITERS[number];
export declare function readCsv(input: string): CsvFile;
