/**
 * P8: disk per op: the storage folder of a ledger of n contributions (one member, closed), at a
 * tenth of the size and at the full size, and the trend between them; against a raw hypercore
 * holding the same op bytes (one op a block, appended in batches of 1,000).
 */
import path from 'node:path';
import Corestore from 'corestore';
import { DISCO_KEYS_LABEL, DISCO_KEYS_PER_OP, buildLedger, diskBytes, opBytes, packedBlocks, rawKeysBase, removeDir, sharedLedger, tempDir } from './fixtures.js';
async function rawBytes(dir, ops) {
    const folder = path.join(dir, `raw-${ops}`);
    const store = new Corestore(folder);
    const core = store.get({ name: 'ops' });
    await core.ready();
    for (let i = 0; i < ops; i += 1000) {
        await core.append(Array.from({ length: Math.min(1000, ops - i) }, (_, k) => Buffer.from(opBytes(i + k))));
    }
    await store.close();
    return await diskBytes(folder);
}
/** the raw stack writing disco's keys an op, packed: its disk per op */
async function rawKeysBytes(dir, ops) {
    const folder = path.join(dir, `raw-keys-${ops}`);
    const base = rawKeysBase(new Corestore(folder), DISCO_KEYS_PER_OP);
    await base.ready();
    for (const block of packedBlocks(ops))
        await base.append(block);
    await base.update();
    await base.close();
    return await diskBytes(folder);
}
export const scenario = {
    id: 'P8',
    title: 'disk per op, and its trend',
    baseline: 'a raw hypercore holding the same op bytes, one op a block',
    async run(opts) {
        const large = opts.quick ? 5_000 : 100_000;
        const small = large / 10;
        const dir = await tempDir('p8');
        try {
            const smallStorage = path.join(dir, 'small');
            await buildLedger(smallStorage, small);
            const discoSmall = await diskBytes(smallStorage) / small;
            const discoLarge = await diskBytes((await sharedLedger(large)).storage) / large;
            const rawSmall = await rawBytes(dir, small) / small;
            const rawLarge = await rawBytes(dir, large) / large;
            const keysLarge = await rawKeysBytes(dir, large) / large;
            opts.say(`  P8 disco ${Math.round(discoSmall)} → ${Math.round(discoLarge)} B/op, raw ${Math.round(rawSmall)} → ${Math.round(rawLarge)} B/op`);
            return [
                { metric: `disk per op at ${small.toLocaleString('en')} ops`, unit: 'B', disco: discoSmall, baseline: rawSmall, target: { atMost: 1024 } },
                { metric: `disk per op at ${large.toLocaleString('en')} ops`, unit: 'B', disco: discoLarge, baseline: rawLarge, target: { atMost: 1024 } },
                { metric: `… against the raw stack writing ${DISCO_KEYS_LABEL} an op, packed`, unit: 'B', disco: discoLarge, baseline: keysLarge, target: { none: true } },
                { metric: `per-op growth ${small.toLocaleString('en')} → ${large.toLocaleString('en')} (≤ 1: linear)`, unit: '×', disco: discoLarge / discoSmall, baseline: rawLarge / rawSmall, target: { atMost: 1.1 } }
            ];
        }
        finally {
            await removeDir(dir);
        }
    }
};
//# sourceMappingURL=p8-disk.js.map