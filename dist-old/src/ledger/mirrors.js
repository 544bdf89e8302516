import b4a from 'b4a';
import sodium from 'sodium-native';
import { DiscoError } from '../errors.js';
import { LIMITS } from './limits.js';
/**
 * A mirror's key is the public key its node listens under: an ed25519 point. A proposal that names
 * anything else (32 bytes a peer made up) is refused in apply like any bad op, and never reaches a
 * node's connection code, which would throw on it.
 */
export function isMirrorKey(key) {
    return key.byteLength === 32 && sodium.crypto_core_ed25519_is_valid_point(key);
}
/** The whole set of a `mirrors` proposal: none (no mirrors) up to LIMITS.mirrors, each once. */
export function checkMirrorKeys(keys) {
    if (keys.length > LIMITS.mirrors)
        throw DiscoError.invalidField('mirrors', 'mirrors-too-many', { max: LIMITS.mirrors });
    for (const key of keys) {
        if (!isMirrorKey(key))
            throw DiscoError.invalidField('mirrors', 'not-mirror-key', { value: b4a.toString(key, 'hex').slice(0, 8) });
    }
    if (new Set(keys.map(k => b4a.toString(k, 'hex'))).size !== keys.length)
        throw DiscoError.invalidField('mirrors', 'mirror-twice');
}
/**
 * A mirror key as a person types it: the 64 hex characters `disco mirror` prints.
 * @throws INVALID_MIRROR_KEY
 */
export function parseMirrorKey(text) {
    const hex = text.trim().toLowerCase();
    const key = /^[0-9a-f]{64}$/.test(hex) ? b4a.from(hex, 'hex') : null;
    if (key === null || !isMirrorKey(key)) {
        throw new DiscoError('INVALID_MIRROR_KEY', `"${truncate(text)}" is not a mirror key: a mirror key is the 64 hex characters \`disco mirror\` prints on its box`);
    }
    return key;
}
function truncate(text) {
    return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
//# sourceMappingURL=mirrors.js.map