/**
 * A mirror's key is the public key its node listens under: an ed25519 point. A proposal that names
 * anything else (32 bytes a peer made up) is refused in apply like any bad op, and never reaches a
 * node's connection code, which would throw on it.
 */
export declare function isMirrorKey(key: Uint8Array): boolean;
/** The whole set of a `mirrors` proposal: none (no mirrors) up to LIMITS.mirrors, each once. */
export declare function checkMirrorKeys(keys: Uint8Array[]): void;
/**
 * A mirror key as a person types it: the 64 hex characters `disco mirror` prints.
 * @throws INVALID_MIRROR_KEY
 */
export declare function parseMirrorKey(text: string): Uint8Array;
