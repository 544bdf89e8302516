import b4a from 'b4a';
import messages from 'autobase/lib/messages.js';
/**
 * A session on a writer's core that decrypts and decodes its blocks, as autobase opens it
 * (autobase 7.28.1 index.js, `_makeWriterCore`). The block encoding is autobase's OplogMessage
 * from lib/messages.js: the public `Autobase.decodeValue` returns only a block's value, and verify
 * needs its causal heads too; `Autobase.getLocalCore` opens this device's own core only.
 * `active`: whether hypercore may replicate it while it is open (to fetch missing blocks).
 */
export function openWriterCore(base, key, opts) {
    return base.store.get({
        key: b4a.from(key),
        compat: false,
        writable: false,
        active: opts.active,
        valueEncoding: messages.OplogMessage,
        encryption: base.getWriterEncryption()
    });
}
/**
 * Re-hash every stored block and tree node of the core against its parent, up to its signed roots,
 * changing nothing (hypercore 11.37.1 lib/audit.js through the session's shared core,
 * `core.core.audit({ dryRun: true })`). Hypercore has no public audit of one core: corestore's
 * `audit` walks every core of the store. Null when hypercore could not audit it.
 */
export async function auditStoredCore(core) {
    const shared = core.core;
    return await shared.audit({ dryRun: true });
}
//# sourceMappingURL=writer-cores.js.map