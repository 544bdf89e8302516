import type { Command } from 'commander';
import type { DetectedLayout } from '../../src/ledger/import/index.js';
/** "Clockify detailed report (semicolon-separated, DD/MM/YYYY dates, decimal comma, durations from …)" */
export declare function layoutText(l: DetectedLayout): string;
export declare function register(program: Command): void;
