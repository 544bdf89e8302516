import { effectFailed } from '../ledger/governance.js'
import type { Outcome } from '../ledger/governance.js'
import type { OpContext } from './context.js'
import type { ActionView } from './proposal-action.js'
import { FEDERATION_RULES_KEY, keys } from './view-layout.js'
import type { Federate, FederationRules } from './federation.js'

/** What a passed federation proposal does (docs/federation.md): admit or end a federate, set its
 * trust and stage, or the check-in period. Checked first; a problem fails the proposal. */
export type FederationAction = Extract<ActionView, { kind: 'federate' | 'unfederate' | 'trust' | 'checkins' }>

export function isFederationAction (a: ActionView): a is FederationAction {
  return a.kind === 'federate' || a.kind === 'unfederate' || a.kind === 'trust' || a.kind === 'checkins'
}

async function federates (ctx: OpContext): Promise<Federate[]> {
  return (await ctx.tx.rangeJson<Federate>(keys.federates.gt, keys.federates.lt)).map(([, f]) => f)
}

export async function checkFederationEffect (a: FederationAction, ctx: OpContext): Promise<Outcome | null> {
  switch (a.kind) {
    case 'federate': {
      for (const f of await federates(ctx)) {
        if (f.removedAt !== null) continue
        if (f.id === a.key) return effectFailed('already-federated', { name: f.name })
        if (f.name.toLowerCase() === a.name.toLowerCase()) return effectFailed('federate-name-taken', { name: f.name })
      }
      return null
    }
    case 'unfederate':
    case 'trust': {
      const f = await ctx.tx.get<Federate>(keys.federate(a.key))
      return f === null || f.removedAt !== null ? effectFailed('no-federate') : null
    }
    case 'checkins':
      return null
  }
}

export async function applyFederationEffect (a: FederationAction, ctx: OpContext, proposal: string): Promise<void> {
  switch (a.kind) {
    case 'federate': {
      // a federate admitted again keeps the count of what was witnessed and disputed before
      const before = await ctx.tx.get<Federate>(keys.federate(a.key))
      await ctx.tx.put(keys.federate(a.key), {
        id: a.key, name: a.name, topic: a.topic, manifest: before?.manifest ?? null, trust: before?.trust ?? 0, stage: before?.stage ?? 1,
        since: ctx.time, proposal, removedAt: null, checkins: before?.checkins ?? 0, lastCheckin: before?.lastCheckin ?? null, disputes: before?.disputes ?? 0
      } satisfies Federate)
      return
    }
    case 'unfederate': {
      const f = await ctx.tx.get<Federate>(keys.federate(a.key)) as Federate
      await ctx.tx.put(keys.federate(a.key), { ...f, removedAt: ctx.time } satisfies Federate)
      return
    }
    case 'trust': {
      const f = await ctx.tx.get<Federate>(keys.federate(a.key)) as Federate
      await ctx.tx.put(keys.federate(a.key), { ...f, trust: a.value, stage: a.stage } satisfies Federate)
      return
    }
    case 'checkins':
      await ctx.tx.put(FEDERATION_RULES_KEY, { days: a.days, proposal, since: ctx.time } satisfies FederationRules)
  }
}
