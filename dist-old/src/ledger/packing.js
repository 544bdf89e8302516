import { FRAME_HEADER_MAX, encodedOpLength } from './codec.js';
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME } from './limits.js';
/**
 * Split ops, in order, into as few frames as the limits allow. Many ops in one block is how bulk
 * work goes fast (docs/DESIGN.md, "The stack": autobase, not signing, caps a ledger at ~250 blocks/s).
 */
export function packOps(ops) {
    const frames = [];
    let current = [];
    let bytes = FRAME_HEADER_MAX;
    for (const op of ops) {
        const size = encodedOpLength(op);
        if (current.length > 0 && (current.length === MAX_OPS_PER_FRAME || bytes + size > MAX_FRAME_BYTES)) {
            frames.push(current);
            current = [];
            bytes = FRAME_HEADER_MAX;
        }
        current.push(op);
        bytes += size;
    }
    if (current.length > 0)
        frames.push(current);
    return frames;
}
//# sourceMappingURL=packing.js.map