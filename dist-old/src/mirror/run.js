import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiscoError } from '../errors.js';
import { MirrorService } from './service.js';
/** Where a mirror's folder is when --storage is not given: beside a node's, never inside it. */
export function defaultMirrorStorage(env = process.env) {
    const xdg = env.XDG_DATA_HOME;
    return path.join(xdg !== undefined && xdg !== '' ? xdg : path.join(os.homedir(), '.local', 'share'), 'disco-mirror');
}
/** `--max-size 10G`: bytes, or a whole number of K, M, G or T (powers of 1024). */
export function parseSize(text) {
    const m = /^(\d{1,15})\s*([KMGT]?)i?B?$/i.exec(text.trim());
    const units = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
    const bytes = m === null ? NaN : Number(m[1]) * (units[(m[2] ?? '').toUpperCase()] ?? NaN);
    if (!Number.isSafeInteger(bytes) || bytes <= 0) {
        throw DiscoError.invalidArgument(`--max-size "${text}" is not a size: a whole number of bytes, or of K, M, G or T (e.g. 20G)`);
    }
    return bytes;
}
const STATUS_FILE = 'status.json';
/**
 * `disco mirror`: the blind peer in the foreground until SIGINT or SIGTERM. It prints its key (what
 * members propose), then a status line whenever the cores, bytes or peers change (at most one a
 * second), and keeps the last one in `status.json` in its folder for `disco mirror status`.
 */
export async function runMirror(opts) {
    const out = opts.out ?? (line => { process.stdout.write(line + '\n'); });
    const print = (event) => {
        out(opts.json === true ? JSON.stringify({ ...event, time: new Date().toISOString() }) : describe(event));
    };
    const mirror = await MirrorService.open(opts.storage, { maxBytes: opts.maxBytes, network: opts.network });
    let last = '';
    const report = async () => {
        // not after a blind-peer flush of our own: on a busy machine that waited seconds, or for good
        // (a mirror whose first status never came). Its own flush every 10 s is what the tick shows.
        const s = mirror.status();
        const text = JSON.stringify(s);
        if (text === last)
            return;
        last = text;
        print({ type: 'status', ...s });
        await writeStatus(opts.storage, s).catch(() => { });
    };
    // changes come in bursts (every block stored is one): one line a second at most, and a slow
    // tick for what blind-peer does on its own (its clean-up past the cap). Watched before the ready
    // line, and that line is the one compared with: a change in between (the DHT announce often
    // lands there) was once swallowed, and the mirror never said it was reachable.
    let timer = null;
    const soon = () => { timer ??= setTimeout(() => { timer = null; void report(); }, opts.statusInterval ?? 1000); };
    const stopWatching = mirror.onChange(soon);
    const tick = setInterval(soon, 10_000);
    const first = mirror.status();
    last = JSON.stringify(first);
    print({ type: 'ready', storage: opts.storage, pid: process.pid, ...first });
    await writeStatus(opts.storage, first).catch(() => { });
    await new Promise(resolve => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    stopWatching();
    clearInterval(tick);
    if (timer !== null)
        clearTimeout(timer);
    await mirror.close();
    print({ type: 'stopped' });
}
/** The last status a running mirror wrote: for `disco mirror status`. */
export async function readMirrorStatus(storage) {
    let text;
    try {
        text = await fs.readFile(path.join(storage, STATUS_FILE), 'utf8');
    }
    catch {
        throw new DiscoError('NO_MIRROR', `no mirror has run in ${storage}: start one with disco mirror --storage ${storage}`, 'state');
    }
    const s = JSON.parse(text);
    return { ...s, running: isRunning(s.pid) };
}
async function writeStatus(storage, s) {
    const file = path.join(storage, STATUS_FILE);
    await fs.writeFile(file + '.tmp', JSON.stringify({ ...s, at: new Date().toISOString(), pid: process.pid }) + '\n', { mode: 0o600 });
    await fs.rename(file + '.tmp', file);
}
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
export function describe(e) {
    switch (e.type) {
        case 'ready': return `mirror running in ${e.storage}\nmirror key: ${e.key}\nmembers add it with: disco propose mirrors add ${e.key}\n${statusLine(e)}`;
        case 'status': return statusLine(e);
        case 'stopped': return 'mirror stopped';
    }
}
export function statusLine(s) {
    const full = s.full ? ` — AT ITS SIZE CAP: ${s.cleared} bytes of the oldest cores' blocks cleared; raise --max-size or add a mirror` : '';
    return `${s.listening ? '' : 'not yet announced on the DHT; '}${s.cores} core${s.cores === 1 ? '' : 's'}, ${formatBytes(s.bytes)} of ${formatBytes(s.maxBytes)}, ${s.peers} peer${s.peers === 1 ? '' : 's'}${full}`;
}
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${i === 0 ? String(v) : v.toFixed(1)} ${units[i] ?? 'B'}`;
}
//# sourceMappingURL=run.js.map