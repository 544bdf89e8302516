import b4a from 'b4a';
/**
 * View values are JSON with object keys sorted, so that the same logical value has the same
 * bytes whatever order its fields were set in: the digest hashes bytes.
 */
export function canonicalBytes(value) {
    return b4a.from(JSON.stringify(sortKeys(value)));
}
/** The value with every object's keys in order and undefined fields left out: the value itself
 * when it already is so (the common case: records built in key order), to spare a copy. */
function sortKeys(value) {
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value)) {
        let out = null;
        for (let i = 0; i < value.length; i++) {
            const v = value[i];
            const sorted = sortKeys(v);
            if (sorted !== v)
                (out ??= value.slice())[i] = sorted;
        }
        return out ?? value;
    }
    const record = value;
    const keys = Object.keys(record);
    let ordered = true;
    for (let i = 0; i < keys.length; i++) {
        const v = record[keys[i]];
        if (v === undefined || (i > 0 && keys[i - 1] >= keys[i]) || sortKeys(v) !== v) {
            ordered = false;
            break;
        }
    }
    if (ordered)
        return value;
    const out = {};
    for (const k of keys.sort()) {
        const v = record[k];
        if (v !== undefined)
            out[k] = sortKeys(v);
    }
    return out;
}
export function parseJson(bytes) {
    return JSON.parse(b4a.toString(bytes));
}
//# sourceMappingURL=canonical-json.js.map