/**
 * Where the time went: summarise a V8 .cpuprofile (from `node --cpu-prof`) by self time, per
 * function and per file (node_modules packages folded to their package name).
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/run.js --quick --only P1
 *   node dist/bench/cpuprofile-summary.js /tmp/prof/CPU.*.cpuprofile [top=25]
 */
import fs from 'node:fs/promises';
/** a file as a reader wants it: the package for node_modules, the project path otherwise */
function fileOf(url) {
    if (url === '')
        return '(native / idle / gc)';
    const nm = url.lastIndexOf('node_modules/');
    if (nm !== -1) {
        const rest = url.slice(nm + 'node_modules/'.length).split('/');
        const pkg = rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : rest[0] ?? '';
        return `${pkg}/${rest.slice(rest[0]?.startsWith('@') === true ? 2 : 1).join('/')}`;
    }
    const dist = url.indexOf('/dist/');
    return dist !== -1 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
}
export async function summarise(file, top = 25) {
    const profile = JSON.parse(await fs.readFile(file, 'utf8'));
    const byId = new Map(profile.nodes.map(n => [n.id, n]));
    const selfUs = new Map();
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
    const byFn = new Map();
    const byFile = new Map();
    for (const [id, us] of selfUs) {
        const n = byId.get(id);
        if (n === undefined)
            continue;
        const f = fileOf(n.callFrame.url);
        const fn = `${n.callFrame.functionName || '(anonymous)'}  ${f}:${n.callFrame.lineNumber + 1}`;
        byFn.set(fn, (byFn.get(fn) ?? 0) + us);
        byFile.set(f, (byFile.get(f) ?? 0) + us);
    }
    const pct = (us) => `${(100 * us / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms`;
    const list = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`);
    return [`${file}: ${(total / 1000).toFixed(0)} ms sampled`, '', 'self time by file:', ...list(byFile), '', 'self time by function:', ...list(byFn)].join('\n');
}
if (process.argv[1]?.endsWith('cpuprofile-summary.js') === true) {
    const [file, top] = process.argv.slice(2);
    if (file === undefined) {
        process.stderr.write('usage: cpuprofile-summary.js <file.cpuprofile> [top]\n');
        process.exit(2);
    }
    console.log(await summarise(file, top === undefined ? 25 : Number(top)));
}
//# sourceMappingURL=cpuprofile-summary.js.map