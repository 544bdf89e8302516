import { DiscoError } from '../errors.js';
import { DEFAULT_CHECKIN_DAYS } from '../ledger/federation.js';
import { getJson, rangeJson } from './queries.js';
import { FEDERATION_RULES_KEY, keys } from './view-layout.js';
/** Reads of the federation's part of the view (docs/federation.md). */
export async function listFederates(r, opts = {}) {
    const out = [];
    for await (const f of rangeJson(r, keys.federates))
        if (opts.removed === true || f.removedAt === null)
            out.push(f);
    return out.sort((a, b) => a.since - b.since || (a.id < b.id ? -1 : 1));
}
export async function getFederate(r, id) {
    return await getJson(r, keys.federate(id));
}
/** A federate by name (case-insensitive), id or unique id prefix (8+ hex). */
export async function resolveFederate(r, text, opts = {}) {
    const wanted = text.trim().toLowerCase();
    const all = await listFederates(r, opts);
    const byName = all.filter(f => f.name.toLowerCase() === wanted);
    if (byName.length === 1)
        return byName[0];
    const byId = wanted.length >= 8 && /^[0-9a-f]+$/.test(wanted) ? all.filter(f => f.id.startsWith(wanted)) : [];
    if (byId.length === 1)
        return byId[0];
    if (byName.length + byId.length > 1)
        throw DiscoError.invalidArgument(`"${text}" names more than one federate: use its id`);
    throw new DiscoError('UNKNOWN_FEDERATE', `no federated cooperative "${text}" (disco federation lists them)`);
}
export async function listCheckins(r, federate) {
    const out = [];
    for await (const c of rangeJson(r, keys.checkinsOf(federate)))
        out.push(c);
    return out;
}
export async function listDisputes(r, federate) {
    const out = [];
    for await (const d of rangeJson(r, federate === undefined ? keys.disputes : keys.disputesOf(federate)))
        out.push(d);
    return out.sort((a, b) => a.at - b.at);
}
export async function getFederationRules(r) {
    return await getJson(r, FEDERATION_RULES_KEY) ?? { days: DEFAULT_CHECKIN_DAYS, proposal: null, since: 0 };
}
//# sourceMappingURL=federation-queries.js.map