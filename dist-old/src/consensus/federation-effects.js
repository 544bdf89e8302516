import { FEDERATION_RULES_KEY, keys } from './view-layout.js';
export function isFederationAction(a) {
    return a.kind === 'federate' || a.kind === 'unfederate' || a.kind === 'trust' || a.kind === 'checkins';
}
async function federates(ctx) {
    return (await ctx.tx.rangeJson(keys.federates.gt, keys.federates.lt)).map(([, f]) => f);
}
export async function checkFederationEffect(a, ctx) {
    switch (a.kind) {
        case 'federate': {
            for (const f of await federates(ctx)) {
                if (f.removedAt !== null)
                    continue;
                if (f.id === a.key)
                    return `already federated with it, as ${f.name}`;
                if (f.name.toLowerCase() === a.name.toLowerCase())
                    return `another federate is called ${f.name}`;
            }
            return null;
        }
        case 'unfederate':
        case 'trust': {
            const f = await ctx.tx.get(keys.federate(a.key));
            return f === null || f.removedAt !== null ? 'no such federate' : null;
        }
        case 'checkins':
            return null;
    }
}
export async function applyFederationEffect(a, ctx, proposal) {
    switch (a.kind) {
        case 'federate': {
            // a federate admitted again keeps the count of what was witnessed and disputed before
            const before = await ctx.tx.get(keys.federate(a.key));
            await ctx.tx.put(keys.federate(a.key), {
                id: a.key, name: a.name, topic: a.topic, manifest: before?.manifest ?? null, trust: before?.trust ?? 0, stage: before?.stage ?? 1,
                since: ctx.time, proposal, removedAt: null, checkins: before?.checkins ?? 0, lastCheckin: before?.lastCheckin ?? null, disputes: before?.disputes ?? 0
            });
            return;
        }
        case 'unfederate': {
            const f = await ctx.tx.get(keys.federate(a.key));
            await ctx.tx.put(keys.federate(a.key), { ...f, removedAt: ctx.time });
            return;
        }
        case 'trust': {
            const f = await ctx.tx.get(keys.federate(a.key));
            await ctx.tx.put(keys.federate(a.key), { ...f, trust: a.value, stage: a.stage });
            return;
        }
        case 'checkins':
            await ctx.tx.put(FEDERATION_RULES_KEY, { days: a.days, proposal, since: ctx.time });
    }
}
//# sourceMappingURL=federation-effects.js.map