import { Replay } from '../../src/consensus/replay.js';
import type { GoldenBlock } from './golden-ledger.js';
export interface GoldenView {
    /** the view's own digest (`sys/digest`) */
    digest: string;
    /** how many keys the view holds */
    keys: number;
    /** BLAKE2b-256 over every key and value in key order (length-prefixed): any change shows */
    contentHash: string;
    /** each key with the BLAKE2b-256 of its value, so that a failing test can name the first difference */
    keyHashes: Array<[string, string]>;
}
export declare function replayGolden(blocks: GoldenBlock[]): Promise<{
    view: GoldenView;
    replay: Replay;
}>;
