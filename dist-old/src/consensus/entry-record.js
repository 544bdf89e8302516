import { parseEntryKey } from './view-layout.js';
/** the fields an entry may leave out, at the values they then have (fresh arrays each call) */
function defaults() {
    return { project: '', tags: [], client: '', commons: '', careFor: null, money: null, key: '', status: 'active', amends: 0, lastAmend: null, retractReason: '', endorsedBy: [] };
}
const DEFAULTS = defaults();
function isDefault(field, value) {
    if (!(field in DEFAULTS))
        return false;
    const d = DEFAULTS[field];
    return Array.isArray(d) ? Array.isArray(value) && value.length === 0 : value === d;
}
/** the writer (device) key in an entry id, `<writer hex>-<seq>-<index>` */
function writerOf(id) {
    return id.slice(0, id.indexOf('-'));
}
/** The fields a record may hold, in the order its bytes have them (canonical JSON sorts keys:
 * built in this order, a record is serialised without a sorted copy). */
const RECORD_FIELDS = [
    'amends', 'careFor', 'client', 'commons', 'description', 'endorsedBy', 'forCoop', 'key', 'lastAmend',
    'member', 'minutes', 'money', 'project', 'retractReason', 'status', 'stream', 'tags', 'time'
];
const everyFieldListed = true;
export function entryRecord(entry) {
    const out = {};
    const writer = writerOf(entry.id);
    for (const field of RECORD_FIELDS) {
        const value = entry[field];
        if (value === undefined || isDefault(field, value) || (field === 'member' && value === writer))
            continue;
        out[field] = value;
    }
    return out;
}
export function entryFromRecord(id, date, record) {
    const device = writerOf(id);
    return { ...defaults(), member: device, ...record, id, device, date };
}
/** The entry an `entry/<date>/<id>` key holds. */
export function entryFromKey(key, record) {
    const { date, id } = parseEntryKey(key);
    return entryFromRecord(id, date, record);
}
//# sourceMappingURL=entry-record.js.map