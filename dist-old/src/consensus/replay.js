import b4a from 'b4a';
import { applyBlocks } from './apply.js';
import { ViewTx } from './view-tx.js';
import { MemoryStore } from './view-store.js';
/**
 * A from-scratch replay of linearised blocks through the same apply, into memory: no autobase, no
 * hyperbee, no storage. What it ends with is what any honest node's view must hold after the same
 * blocks; `disco verify` compares the two key by key.
 */
export class Replay {
    store = new MemoryStore();
    /** the reason the replay stopped, if a block asked for a newer protocol */
    interrupted = null;
    /** blocks taken in (the last one may have interrupted) */
    blocks = 0;
    /** the ops those blocks carried */
    ops = 0;
    /** writers a passed removal took out (autobase applies none of their later blocks) */
    removed = new Set();
    host;
    constructor() {
        // The writer set is autobase's business: the view records every admission itself, so a replay
        // only needs to hear of removals (for the causal check) and of an interruption.
        this.host = {
            addWriter: async () => { },
            removeWriter: async (key) => { this.removed.add(b4a.toString(key, 'hex')); },
            removeable: () => true,
            interrupt: (reason) => { this.interrupted ??= reason ?? 'interrupted'; }
        };
    }
    /**
     * Apply the next blocks as one batch (a batch's boundaries do not change the resulting view:
     * test/apply.test.ts checks it), unless an earlier block interrupted the replay.
     */
    async add(blocks) {
        if (this.interrupted !== null)
            return;
        const tx = new ViewTx(this.store);
        this.ops += await applyBlocks(tx, blocks, this.host);
        await tx.flush();
        this.blocks += blocks.length;
    }
    /**
     * Apply a whole ledger's blocks, in runs: a batch holds every key it touched until it flushes,
     * so a run stops at 1,024 blocks or 64 KiB of ops (one packed block of an import), whichever
     * comes first. `onRun` hears how many blocks were taken in before each run.
     */
    async addAll(blocks, onRun = () => { }) {
        let start = 0;
        let bytes = 0;
        for (let i = 0; i < blocks.length; i++) {
            bytes += blocks[i].value.byteLength;
            if (i + 1 - start >= RUN_BLOCKS || bytes >= RUN_BYTES || i === blocks.length - 1) {
                onRun(start);
                await this.add(blocks.slice(start, i + 1));
                start = i + 1;
                bytes = 0;
            }
        }
    }
}
const RUN_BLOCKS = 1024;
const RUN_BYTES = 64 * 1024;
//# sourceMappingURL=replay.js.map