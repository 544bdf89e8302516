import type { Command } from 'commander';
/** `disco federate …`: federation changes, each a proposal the cooperative decides. */
export declare function register(program: Command): void;
