import type { ViewStore } from './view-store.js';
/**
 * One apply batch's writes to the view. Reads go through a cache that holds this batch's writes,
 * so ops later in the batch see earlier ones; writes stay in memory until `flush`, so a key
 * written by many ops (a balance) reaches the store once. `flush` also advances the digest by the
 * difference between each key's value before the batch and after it.
 *
 * `begin`/`rollback` bracket one op: if a check fails half-way through an op's effects, rollback
 * restores every key it touched, so a rejected op changes nothing but its rejection record.
 *
 * What `get` returns and what `put` was given are frozen: make a new object to change one.
 */
export declare class ViewTx {
    private readonly store;
    /** current value of every key read or written in this batch */
    private readonly cache;
    /** value before this batch, of every key written in it */
    private readonly before;
    /** value before the current op, of every key the op wrote */
    private undo;
    /** what else the current op changed outside the view's keys, undone on rollback (newest first) */
    private undoHooks;
    constructor(store: ViewStore);
    private slot;
    get<T>(key: string): Promise<T | null>;
    /**
     * Every key in [gte, lt) with its value, in key order: the store as it was before this batch,
     * overlaid with the batch's writes. For the rare ops that read a range (a distribution).
     */
    private rangeSlots;
    range(gte: string, lt: string): Promise<Array<[string, Uint8Array]>>;
    rangeJson<T>(gte: string, lt: string): Promise<Array<[string, T]>>;
    put(key: string, value: unknown): Promise<void>;
    del(key: string): Promise<void>;
    /**
     * Write a key that cannot exist yet (its name holds a fresh op id), skipping the read of its
     * old value. A wrong use shows up as a digest that differs from a full scan, which the tests check.
     */
    putNew(key: string, value: unknown): void;
    private write;
    private record;
    begin(): void;
    commit(): void;
    /** Undo `fn`'s change if the current op rolls back (outside an op there is nothing to undo). */
    onRollback(fn: () => void): void;
    rollback(): void;
    flush(): Promise<void>;
}
