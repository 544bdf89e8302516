import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { emptyBalance } from '../ledger/balances.js';
import { parseId } from '../ledger/ids.js';
import { STREAMS } from '../ledger/streams.js';
import { parseJson } from './canonical-json.js';
import { CLOCK_KEY, COOP_KEY, DIGEST_KEY, GOVERNANCE_RULES_KEY, PROTOCOL_KEY, ROLE_COUNTS_KEY, keys } from './view-layout.js';
import { DEFAULT_DELIBERATION } from './deliberation.js';
import { dateAt } from './block-dates.js';
import { entryFromKey, entryFromRecord } from './entry-record.js';
/**
 * Reads of the view. Each is a lookup or a range over an index (O(log n) to find, then what is
 * listed): nothing here replays the log. Pass a snapshot so that one answer sees one state.
 */
export async function getJson(r, key) {
    const node = await r.get(key);
    return node === null ? null : parseJson(node.value);
}
export async function* rangeJson(r, range) {
    for await (const node of r.createReadStream(range))
        yield parseJson(node.value);
}
export async function getCooperative(r) {
    return await getJson(r, COOP_KEY);
}
export async function getProtocolVersion(r) {
    return (await getJson(r, PROTOCOL_KEY))?.version ?? null;
}
/** The ledger time and the members' latest times it is the lower median of (consensus/ledger-clock.ts). */
export async function getClock(r) {
    return await getJson(r, CLOCK_KEY) ?? { members: {}, now: 0 };
}
/** The ledger time: 0 before the founding. */
export async function getLedgerTime(r) {
    return (await getClock(r)).now;
}
/** How many active participants hold each role. */
export async function getRoleCounts(r) {
    return await getJson(r, ROLE_COUNTS_KEY) ?? {};
}
/** The minimum deliberation of proposals in force. */
export async function getDeliberation(r) {
    return await getJson(r, GOVERNANCE_RULES_KEY) ?? DEFAULT_DELIBERATION;
}
export async function getDigest(r) {
    const node = await r.get(DIGEST_KEY);
    return node === null ? null : b4a.toString(node.value);
}
export async function getMember(r, id) {
    return await getJson(r, keys.member(id));
}
export async function getDevice(r, writerHex) {
    return await getJson(r, keys.device(writerHex));
}
/** The writer key (hex) of every device the ledger admitted, removed ones included. */
export async function listDeviceKeys(r) {
    const out = [];
    for await (const { key } of r.createReadStream(keys.devices))
        out.push(key.slice(keys.device('').length));
    return out;
}
export async function listMembers(r) {
    const out = [];
    for await (const m of rangeJson(r, keys.members))
        out.push(m);
    // in the order they joined: the order a cooperative recognises
    return out.sort((a, b) => a.since - b.since || (a.id < b.id ? -1 : 1));
}
/** A member by id, unique id prefix (4+ hex digits) or name (case-insensitive). */
export async function resolveMember(r, text) {
    const wanted = text.trim().toLowerCase();
    const members = await listMembers(r);
    const exact = members.find(m => m.id === wanted);
    if (exact !== undefined)
        return exact;
    const byName = members.filter(m => m.name.toLowerCase() === wanted);
    const byPrefix = /^[0-9a-f]{4,}$/.test(wanted) ? members.filter(m => m.id.startsWith(wanted)) : [];
    const matches = [...new Set([...byName, ...byPrefix])];
    if (matches.length === 0)
        throw DiscoError.memberNotFound(text);
    if (matches.length > 1)
        throw DiscoError.ambiguousMember(text, matches.length);
    return matches[0];
}
/** An entry by its full id: its block's dates say under which date its record is. */
export async function getEntry(r, fullId) {
    const { writerPrefix: writer, seq, index } = parseId(fullId);
    const id = `${writer}-${seq}-${index}`;
    const dates = await getJson(r, keys.blockDates(writer, seq));
    const date = dates === null ? null : dateAt(dates, index);
    if (date === null)
        return null;
    const record = await getJson(r, keys.entry(date, id));
    return record === null ? null : entryFromRecord(id, date, record);
}
/** The full id of an entry from what a person typed: a full id or `<hex prefix>-<seq>-<index>`. */
export async function resolveEntryId(r, text) {
    return await resolveOpId(r, text, async (id) => await getEntry(r, id) !== null, DiscoError.entryNotFound, DiscoError.ambiguousEntryId);
}
export async function resolveProposalId(r, text) {
    return await resolveOpId(r, text, async (id) => await r.get(keys.proposal(id)) !== null, DiscoError.proposalNotFound, DiscoError.ambiguousEntryId);
}
/** Op ids are typed like git commits: a unique prefix of the writer key, then seq and index. */
async function resolveOpId(r, text, exists, notFound, ambiguous) {
    const p = parseId(text);
    const candidates = [];
    if (p.writerPrefix.length === 64) {
        candidates.push(p.writerPrefix);
    }
    else {
        for await (const node of r.createReadStream({ gte: keys.device(p.writerPrefix), lt: keys.device(p.writerPrefix + 'g') })) {
            candidates.push(node.key.slice('device/'.length));
        }
    }
    const found = [];
    for (const writer of candidates) {
        const id = `${writer}-${p.seq}-${p.index}`;
        if (await exists(id))
            found.push(id);
    }
    if (found.length === 0)
        throw notFound(text);
    if (found.length > 1)
        throw ambiguous(text, found.length);
    return found[0];
}
/** A proposal and the view block that last wrote it (to tell whether it is signed yet). */
export async function getProposal(r, id) {
    const node = await r.get(keys.proposal(id));
    return node === null ? null : { proposal: parseJson(node.value), seq: node.seq };
}
export async function listProposals(r) {
    const out = [];
    for await (const node of r.createReadStream(keys.proposals))
        out.push({ proposal: parseJson(node.value), seq: node.seq });
    return out.sort((a, b) => a.proposal.at - b.proposal.at || (a.proposal.id < b.proposal.id ? -1 : 1));
}
export async function listVotes(r, proposalId) {
    const out = [];
    for await (const v of rangeJson(r, keys.votes(proposalId)))
        out.push(v);
    return out;
}
/**
 * Entries in work-date order: a range over the entries' own keys, read newest first, that stops
 * once it has `limit` that match.
 */
export async function listEntries(r, filter) {
    const limit = filter.limit ?? Infinity;
    const out = [];
    if (limit <= 0)
        return out;
    for await (const node of r.createReadStream({ ...keys.entriesDated(filter.month ?? ''), reverse: true })) {
        const entry = entryFromKey(node.key, parseJson(node.value));
        if (!matches(entry, filter))
            continue;
        out.push(entry);
        if (out.length >= limit)
            break;
    }
    return out.reverse();
}
function matches(e, f) {
    return (f.member === undefined || e.member === f.member) &&
        (f.stream === undefined || e.stream === f.stream) &&
        (f.project === undefined || e.project === f.project) &&
        (f.unendorsed !== true || (e.status === 'active' && e.endorsedBy.length === 0));
}
/** One row per stream for the member in the period: three lookups, no replay. */
export async function memberBalances(r, member, period) {
    const found = new Map();
    for await (const node of r.createReadStream(keys.balancePeriod(member, period))) {
        found.set(node.key.slice(node.key.lastIndexOf('/') + 1), parseJson(node.value));
    }
    return STREAMS.map(stream => ({ member, period, stream, balance: found.get(stream) ?? emptyBalance() }));
}
export async function findByIdempotencyKey(r, member, key) {
    return (await getJson(r, keys.idem(member, key)))?.id ?? null;
}
/** The rejection of one op (by its id), if apply refused it. */
export async function getRejection(r, opIdText) {
    const [writer, seq, index] = opIdText.split('-');
    return await getJson(r, keys.rejection(writer ?? '', Number(seq), Number(index)));
}
export async function getInvite(r, idHex) {
    return await getJson(r, keys.invite(idHex));
}
/** The idempotency keys a member has used that start with `prefix`, in one range read. */
export async function idempotencyKeysWithPrefix(r, member, prefix) {
    const out = new Set();
    const start = keys.idem(member, '').length;
    for await (const node of r.createReadStream(keys.idemPrefix(member, prefix)))
        out.add(decodeURIComponent(node.key.slice(start)));
    return out;
}
export async function listRejections(r, limit = Infinity) {
    const out = [];
    for await (const rej of rangeJson(r, keys.rejections)) {
        if (out.length >= limit)
            break;
        out.push(rej);
    }
    return out;
}
export async function rejectionTotals(r) {
    const total = { stored: 0, total: 0 };
    for await (const c of rangeJson(r, keys.rejectionCounts)) {
        total.stored += c.stored;
        total.total += c.total;
    }
    return total;
}
//# sourceMappingURL=queries.js.map