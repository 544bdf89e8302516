import type { CommandInput, CommandName, CommandOutput } from './handlers.js';
export interface CallOptions {
    /** progress of long work (import: `{ done, total }`), from either transport */
    onProgress?: (value: unknown) => void;
    /** how long to wait for a starting node's socket after STORE_BUSY (ms) */
    waitForNodeMs?: number;
}
/**
 * Run a command against a storage folder: through the running node's control socket when a
 * `disco start` serves that folder, otherwise by opening the store for this one call. Either way
 * the same handler runs (src/service/handlers.ts) and the same result or error comes back.
 *
 * Loading this module loads no ledger code: a call to a running node stays fast.
 */
export declare function callCommand<K extends CommandName>(storage: string | undefined, name: K, input: CommandInput<K>, opts?: CallOptions): Promise<CommandOutput<K>>;
