import b4a from 'b4a';
import { DiscoError } from '../errors.js';
/**
 * Entry ids: `<writer key hex>-<block seq>-<index in block>`. Derived from where the op sits,
 * so nobody can choose or reuse one. People see and type the short form, `<8 hex>-<seq>-<index>`,
 * which a node resolves against the writers it knows (like a git commit prefix).
 */
export function opId(ref) {
    return `${b4a.toString(ref.writer, 'hex')}-${ref.seq}-${ref.index}`;
}
export function shortId(id) {
    const dash = id.indexOf('-');
    return dash > 8 ? id.slice(0, 8) + id.slice(dash) : id;
}
export function parseId(text) {
    const m = /^([0-9a-f]{4,64})-(\d{1,15})-(\d{1,5})$/.exec(text.trim().toLowerCase());
    if (m === null)
        throw DiscoError.invalidEntryId(text);
    return { writerPrefix: m[1], seq: Number(m[2]), index: Number(m[3]) };
}
export function refFromFullId(id) {
    const p = parseId(id);
    if (p.writerPrefix.length !== 64)
        throw DiscoError.invalidEntryId(id);
    return { writer: b4a.from(p.writerPrefix, 'hex'), seq: p.seq, index: p.index };
}
//# sourceMappingURL=ids.js.map