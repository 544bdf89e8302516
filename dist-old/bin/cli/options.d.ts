import type { Command } from 'commander';
/** The options every command takes, and the small parsers commander calls for values. */
export interface GlobalOptions {
    storage?: string;
    json?: boolean;
}
export declare function globals(cmd: Command): GlobalOptions;
export declare function collect(value: string, previous?: string[]): string[];
export declare function positiveInt(flag: string): (value: string) => number;
/** Examples printed under a command's --help. */
export declare function examples(cmd: Command, lines: string[]): Command;
