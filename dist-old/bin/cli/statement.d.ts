import type { Command } from 'commander';
import type { StatementView } from '../../src/commands/statement.js';
export declare function statementLines(s: StatementView): string[];
export declare function register(program: Command): void;
