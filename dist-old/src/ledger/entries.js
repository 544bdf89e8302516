import { formatDay, parseDate } from './dates.js';
export function entryFromContribution(op, ids) {
    return {
        id: ids.id,
        member: ids.member,
        device: ids.device,
        time: ids.time,
        stream: op.stream,
        minutes: op.minutes,
        date: formatDay(op.day),
        description: op.description,
        project: op.project,
        tags: op.tags,
        client: op.client,
        commons: op.commons,
        careFor: op.careFor,
        money: op.money,
        key: op.key,
        status: 'active',
        amends: 0,
        lastAmend: null,
        retractReason: '',
        endorsedBy: [],
        // only when set, so that entries written before federation keep their bytes in the view
        ...(op.forCoop !== undefined ? { forCoop: op.forCoop } : {})
    };
}
export function entryFields(entry) {
    return {
        stream: entry.stream,
        minutes: entry.minutes,
        day: parseDate(entry.date),
        description: entry.description,
        project: entry.project,
        tags: entry.tags,
        client: entry.client,
        commons: entry.commons,
        careFor: entry.careFor,
        money: entry.money
    };
}
/** The fields an entry has after a patch; the caller validates the result as a whole. */
export function patchedFields(entry, patch) {
    return { ...entryFields(entry), ...definedOnly(patch) };
}
export function withFields(entry, f) {
    return {
        ...entry,
        stream: f.stream,
        minutes: f.minutes,
        date: formatDay(f.day),
        description: f.description,
        project: f.project,
        tags: f.tags,
        client: f.client,
        commons: f.commons,
        careFor: f.careFor,
        money: f.money
    };
}
/** YYYY-MM. An entry's date is always a formatted day (formatDay), so its month is its prefix:
 * apply asks for it twice an entry, and parsing the date again cost more than the rest of it. */
export function entryMonth(entry) {
    return entry.date.slice(0, 7);
}
function definedOnly(patch) {
    const out = {};
    for (const [k, v] of Object.entries(patch))
        if (v !== undefined)
            out[k] = v;
    return out;
}
//# sourceMappingURL=entries.js.map