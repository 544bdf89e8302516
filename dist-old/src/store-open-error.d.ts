export declare function isHeldLock(message: string): boolean;
/** The store's file a storage engine message names (a table, a blob, a log, the manifest), or null. */
export declare function fileNamed(message: string): string | null;
export declare function openError(err: unknown, storage: string): unknown;
