import { DEFAULT_RULES_RECORD } from '../ledger/rules.js';
import { getJson, rangeJson } from './queries.js';
import { parseJson } from './canonical-json.js';
import { entryFromKey } from './entry-record.js';
import { RULES_KEY, indexPrefix, keys } from './view-layout.js';
/** Reads of the accounting part of the view: rules, income, statements, late changes. */
export async function getRules(r) {
    return await getJson(r, RULES_KEY) ?? DEFAULT_RULES_RECORD;
}
/** Every version of the rules, the defaults (version 0) first. */
export async function listRulesVersions(r) {
    const out = [DEFAULT_RULES_RECORD];
    for await (const v of rangeJson(r, keys.rulesVersions))
        out.push(v);
    return out;
}
export async function getStatement(r, month) {
    return await getJson(r, keys.statement(month));
}
/** Statements in month order, optionally those of months in [from, to] (YYYY-MM). */
export async function listStatements(r, from = '', to = '\xff') {
    const out = [];
    for await (const s of rangeJson(r, { gte: keys.statement(from), lte: keys.statement(to) }))
        out.push(s);
    return out;
}
/** Late changes to one distributed month, or to all of them. */
export async function listLate(r, month) {
    const out = [];
    for await (const l of rangeJson(r, month === undefined ? keys.lates : keys.lateOf(month)))
        out.push(l);
    return out;
}
function dateRange(prefix, range) {
    return { gte: prefix + range.from, lt: prefix + range.to + '\xff' };
}
export async function getIncome(r, id) {
    return await getJson(r, keys.income(id));
}
/** The income a member recorded with an idempotency key, if any. */
export async function incomeByKey(r, member, key) {
    const used = await getJson(r, keys.incomeIdem(member, key));
    return used === null ? null : await getIncome(r, used.id);
}
/** Income received in the range, by date. */
export async function listIncome(r, range) {
    const out = [];
    for await (const node of r.createReadStream(dateRange(indexPrefix('income'), range))) {
        const rec = await getIncome(r, node.key.slice(node.key.lastIndexOf('/') + 1));
        if (rec !== null)
            out.push(rec);
    }
    return out;
}
/** Entries dated in the range (retracted ones included), by date. */
export async function entriesBetween(r, range) {
    const out = [];
    for await (const node of r.createReadStream(keys.entriesBetween(range.from, range.to))) {
        out.push(entryFromKey(node.key, parseJson(node.value)));
    }
    return out;
}
//# sourceMappingURL=accounting-queries.js.map