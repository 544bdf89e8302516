/** The first key where two views differ, with what each holds (null: the key is absent). */
export interface ViewDifference {
    key: string;
    view: string | null;
    replay: string | null;
}
export interface ViewComparison {
    /** keys present in both with equal values, until the first difference */
    keys: number;
    /** how many of those keys each kind of record had */
    counted: Record<string, number>;
    difference: ViewDifference | null;
}
/**
 * Walk two key-sorted views side by side and stop at the first key where they differ. The live
 * view is streamed; the replay is in memory.
 */
export declare function compareViews(view: AsyncIterable<{
    key: string;
    value: Uint8Array;
}>, replay: Array<[string, Uint8Array]>): Promise<ViewComparison>;
