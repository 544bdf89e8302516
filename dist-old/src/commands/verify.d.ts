import type { DiscoNode } from '../node.js';
import type { VerifyProgress, VerifyReport } from '../verify/verify-ledger.js';
export type { VerifyProgress, VerifyReport };
/**
 * `disco verify`: check the writers' signed cores and re-derive the whole view from them (see
 * verify/verify-ledger.ts). It reads one snapshot of the view, so a running node may go on
 * applying while it checks.
 */
export declare function verify(node: DiscoNode, onProgress?: (p: VerifyProgress) => void): Promise<VerifyReport>;
