import type { CommandOptions } from './session.js';
export interface InitInput extends CommandOptions {
    /** the cooperative's name */
    name: string;
    /** the founder's display name; defaults to this computer's user name */
    me?: string;
}
export interface InitOutput {
    storage: string;
    ledger: string;
    cooperative: string;
    member: {
        id: string;
        name: string;
        role: 'member';
    };
}
/** Found a cooperative's ledger: this device becomes its first member's first device and indexer. */
export declare function init(input: InitInput): Promise<InitOutput>;
