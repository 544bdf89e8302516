import type { OpContext } from './context.js';
import type { ActionView } from './proposal-action.js';
/**
 * Check a passed proposal's effect and return either why it cannot happen, or the function that
 * makes it happen (called after the proposal's own record is written). A distribution computes its
 * statement once, here, for both.
 */
export declare function prepareEffect(a: ActionView, ctx: OpContext, proposal: string): Promise<string | (() => Promise<void>)>;
