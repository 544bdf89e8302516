import { DiscoError } from '../errors.js';
/** The three kinds of value a DisCO tracks. The order is the wire tag: never reorder. */
export const STREAMS = ['livelihood', 'love', 'care'];
/** Whom care work was for. The order is the wire tag (0 means "not care work"). */
export const CARE_TARGETS = ['collective', 'person'];
export function isStream(value) {
    return typeof value === 'string' && STREAMS.includes(value);
}
export function parseStream(text) {
    const lower = text.trim().toLowerCase();
    if (!isStream(lower))
        throw DiscoError.invalidStream(text);
    return lower;
}
export function isCareTarget(value) {
    return typeof value === 'string' && CARE_TARGETS.includes(value);
}
export function parseCareTarget(text) {
    const lower = text.trim().toLowerCase();
    if (!isCareTarget(lower))
        throw DiscoError.invalidField('--for', 'care-target', { value: text });
    return lower;
}
//# sourceMappingURL=streams.js.map