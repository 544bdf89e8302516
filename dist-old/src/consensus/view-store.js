export class BeeStore {
    bee;
    ordered = true;
    constructor(bee) {
        this.bee = bee;
    }
    async get(key) {
        const node = await this.bee.get(key);
        return node === null ? null : node.value;
    }
    async range(gte, lt) {
        const out = [];
        for await (const node of this.bee.createReadStream({ gte, lt }))
            out.push([node.key, node.value]);
        return out;
    }
    async write(changes) {
        const batch = this.bee.batch({ update: false });
        for (const [key, value] of changes) {
            if (value === null)
                await batch.del(key);
            else
                await batch.put(key, value);
        }
        await batch.flush();
    }
}
export class MemoryStore {
    ordered = false;
    map = new Map();
    async get(key) {
        return this.map.get(key) ?? null;
    }
    /** A scan of every key: ranges are read only by the rare ops that need one (a distribution). */
    async range(gte, lt) {
        const out = [];
        for (const [key, value] of this.map)
            if (key >= gte && key < lt)
                out.push([key, value]);
        return out.sort(byKey);
    }
    async write(changes) {
        for (const [key, value] of changes) {
            if (value === null)
                this.map.delete(key);
            else
                this.map.set(key, value);
        }
    }
    /** every key and value, in the view's (byte-wise) key order */
    sorted() {
        return [...this.map].sort(byKey);
    }
}
function byKey(a, b) {
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
//# sourceMappingURL=view-store.js.map