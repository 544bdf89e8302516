import type { OpRef } from './ops.js';
/**
 * Entry ids: `<writer key hex>-<block seq>-<index in block>`. Derived from where the op sits,
 * so nobody can choose or reuse one. People see and type the short form, `<8 hex>-<seq>-<index>`,
 * which a node resolves against the writers it knows (like a git commit prefix).
 */
export declare function opId(ref: OpRef): string;
export declare function shortId(id: string): string;
export interface ParsedId {
    /** hex prefix of the writer key (the whole key in a full id) */
    writerPrefix: string;
    seq: number;
    index: number;
}
export declare function parseId(text: string): ParsedId;
export declare function refFromFullId(id: string): OpRef;
