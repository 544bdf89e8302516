/**
 * How the CLI prints: tables and lines for people, `--json` for scripts, errors as one line on
 * stderr (or a JSON object on stdout with --json) and the exit code: 2 for bad input, 1 otherwise.
 */
export declare function printJson(value: unknown): void;
export declare function printLines(lines: string[]): void;
export declare function table(header: string[], rows: string[][]): string[];
export declare function truncate(text: string, max: number): string;
export declare function exitCodeOf(err: unknown): number;
export declare function printError(err: unknown, json: boolean): void;
