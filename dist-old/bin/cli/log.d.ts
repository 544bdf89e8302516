import type { Command } from 'commander';
export interface EntryFieldOptions {
    message?: string;
    date?: string;
    project?: string;
    tag?: string[];
    amount?: string;
    currency?: string;
    client?: string;
    commons?: string;
    for?: string;
}
/**
 * The entry fields log and amend share. An amend changes only what it is given, so its help says
 * so where log's gives a default.
 */
export declare function entryFieldOptions(cmd: Command, use?: 'log' | 'amend'): Command;
export declare function entryFieldInput(o: EntryFieldOptions): Record<string, unknown>;
export declare function register(program: Command): void;
