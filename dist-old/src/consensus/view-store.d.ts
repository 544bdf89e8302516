import type Hyperbee from 'hyperbee';
type Value = Uint8Array | null;
/**
 * Where a ViewTx reads the view from and writes a batch to. Apply runs on the node's hyperbee
 * (BeeStore); `disco verify` replays the same reducers into memory (MemoryStore), so that a replay
 * needs no autobase and no storage, and the two can only differ if the view does.
 */
export interface ViewStore {
    get: (key: string) => Promise<Value>;
    /** every key in [gte, lt) with its value, in key order */
    range: (gte: string, lt: string) => Promise<Array<[string, Uint8Array]>>;
    /** write one batch (null deletes); in key order when `ordered` */
    write: (changes: Array<[string, Value]>) => Promise<void>;
    /** whether the store needs a batch's changes in key order (a bee's bytes depend on it) */
    readonly ordered: boolean;
}
export declare class BeeStore implements ViewStore {
    private readonly bee;
    readonly ordered = true;
    constructor(bee: Hyperbee);
    get(key: string): Promise<Value>;
    range(gte: string, lt: string): Promise<Array<[string, Uint8Array]>>;
    write(changes: Array<[string, Value]>): Promise<void>;
}
export declare class MemoryStore implements ViewStore {
    readonly ordered = false;
    readonly map: Map<string, Uint8Array<ArrayBufferLike>>;
    get(key: string): Promise<Value>;
    /** A scan of every key: ranges are read only by the rare ops that need one (a distribution). */
    range(gte: string, lt: string): Promise<Array<[string, Uint8Array]>>;
    write(changes: Array<[string, Value]>): Promise<void>;
    /** every key and value, in the view's (byte-wise) key order */
    sorted(): Array<[string, Uint8Array]>;
}
export {};
