import type { OpContext } from './context.js';
import type { ActionView } from './proposal-action.js';
/** What a passed federation proposal does (docs/federation.md): admit or end a federate, set its
 * trust and stage, or the check-in period. Checked first; a problem fails the proposal. */
export type FederationAction = Extract<ActionView, {
    kind: 'federate' | 'unfederate' | 'trust' | 'checkins';
}>;
export declare function isFederationAction(a: ActionView): a is FederationAction;
export declare function checkFederationEffect(a: FederationAction, ctx: OpContext): Promise<string | null>;
export declare function applyFederationEffect(a: FederationAction, ctx: OpContext, proposal: string): Promise<void>;
