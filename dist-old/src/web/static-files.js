import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/**
 * The page's files: `web/` at the package root (shipped in the package, found from src/ when the
 * tests run the TypeScript and from dist/src/ when the built CLI runs), and the charting library
 * from node_modules, so that the page needs no CDN and works offline.
 */
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon'
};
/** The folder holding web/index.html, looked for upwards from this file. */
export function webRoot() {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
        const candidate = path.join(dir, 'web');
        if (fs.existsSync(path.join(candidate, 'index.html')))
            return candidate;
        dir = path.dirname(dir);
    }
    throw new Error('the dashboard\'s files (web/index.html) are missing from this installation');
}
/** Vendored assets served under /vendor/: name → absolute path in node_modules. */
function vendorFiles() {
    const require = createRequire(import.meta.url);
    const chartDist = path.dirname(require.resolve('chart.js'));
    return { 'chart.umd.min.js': path.join(chartDist, 'chart.umd.min.js') };
}
export class StaticFiles {
    root;
    vendor;
    cache = new Map();
    constructor(root = webRoot()) {
        this.root = root;
        this.vendor = vendorFiles();
    }
    /** The file for a URL path, or null: only files directly in the folder (no `..`, no subfolders). */
    async get(urlPath) {
        const cached = this.cache.get(urlPath);
        if (cached !== undefined)
            return cached;
        let file;
        if (urlPath === '/')
            file = path.join(this.root, 'index.html');
        else if (urlPath.startsWith('/vendor/')) {
            // own names only: "__proto__" or "constructor" must not reach Object.prototype
            const name = urlPath.slice('/vendor/'.length);
            if (Object.hasOwn(this.vendor, name))
                file = this.vendor[name];
        }
        else if (/^\/[a-z0-9-]+\.[a-z]+$/.test(urlPath))
            file = path.join(this.root, urlPath.slice(1));
        if (file === undefined)
            return null;
        const type = TYPES[path.extname(file)];
        if (type === undefined)
            return null;
        try {
            const got = { body: await readFile(file), type };
            this.cache.set(urlPath, got);
            return got;
        }
        catch {
            return null;
        }
    }
}
//# sourceMappingURL=static-files.js.map