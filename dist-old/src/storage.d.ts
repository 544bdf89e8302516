/**
 * The storage folder: `config.json` (which ledger this is) and `corestore/` (the member's cores,
 * their key pairs and the ledger's encryption key). Owner-only: the folder 0700, files 0600.
 */
export interface StorageConfig {
    format: 1;
    /** the ledger's key (hex): what this node opens */
    ledger: string;
    /** DHT nodes of a private network, `host:port[,host:port…]`: what `disco start` bootstraps from
     * when no --bootstrap is given (the public HyperDHT when absent) */
    bootstrap?: string;
}
export declare function defaultStorage(env?: NodeJS.ProcessEnv): string;
export declare function corestorePath(storage: string): string;
/** Make the folder (owner-only, even if it existed with laxer modes). */
export declare function prepareStorage(storage: string): Promise<void>;
/** Whether the disk holding the storage folder is (all but) full: under 1 MiB left. */
export declare function diskFull(storage: string): boolean;
export declare function hasConfig(storage: string): Promise<boolean>;
export declare function readConfig(storage: string): Promise<StorageConfig>;
/** Written to a temporary file and renamed, so a crash leaves the old file or the new, never half. */
export declare function writeConfig(storage: string, config: StorageConfig): Promise<void>;
