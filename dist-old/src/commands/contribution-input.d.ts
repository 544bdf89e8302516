import type { ContributionOp, ContributionPatch } from '../ledger/ops.js';
/**
 * A value entry as a person or a script gives it: text where people type text ("3h", "120.50",
 * "2026-11-03"), so that the CLI, the control socket and a web form hand over the same thing.
 */
export interface ContributionInput {
    stream: string;
    /** "3h", "90m", "1h30m", "1.5h", "2:30"; or give `minutes` */
    duration?: string;
    minutes?: number;
    /** YYYY-MM-DD; today when absent */
    date?: string;
    description?: string;
    project?: string;
    tags?: string[];
    /** decimal text in the currency's units, e.g. "120.50"; needs `currency` */
    amount?: string;
    currency?: string;
    client?: string;
    /** love: the commons the work feeds */
    commons?: string;
    /** care: "collective" (the default) or "person" */
    for?: string;
    /** idempotency key: logging again with the same key does not count twice */
    key?: string;
    /** work done for a federated cooperative: its name or id (`disco federation` lists them) */
    forCoop?: string;
}
export type AmendInput = Partial<Omit<ContributionInput, 'key' | 'forCoop'>> & {
    /** remove the money, the project or the tags */
    clearMoney?: boolean;
    clearProject?: boolean;
    clearTags?: boolean;
};
export declare function contributionOp(input: ContributionInput): ContributionOp;
/** Only the fields given; the merged entry is validated as a whole before anything is written. */
export declare function contributionPatch(input: AmendInput): ContributionPatch;
