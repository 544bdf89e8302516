/**
 * The bench suite's harness: options, repetitions and their median, targets, and the output (a
 * table, or JSON). A scenario is one file `bench/p<N>-<name>.ts` that exports `scenario`; run.ts
 * finds every such file, so adding a scenario touches nothing else.
 */
export function median(xs) {
    if (xs.length === 0)
        throw new Error('median of nothing');
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Run `fn` `n` times, one after the other; every value, and their median. */
export async function repeat(n, fn) {
    const runs = [];
    for (let i = 0; i < n; i++)
        runs.push(await fn(i));
    return { median: median(runs), runs: runs.map(round) };
}
/** ms since `start` (process.hrtime.bigint()) */
export function msSince(start) {
    return Number(process.hrtime.bigint() - start) / 1e6;
}
export async function timed(fn) {
    const start = process.hrtime.bigint();
    const value = await fn();
    return { ms: msSince(start), value };
}
/** Three significant digits at most: the noise is larger than that. */
export function round(x) {
    if (!Number.isFinite(x) || x === 0)
        return x;
    const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
    return Number(x.toFixed(Math.min(digits, 4)));
}
export function toRow(s, m) {
    const ratio = m.baseline === null || m.baseline === 0 ? null : m.disco / m.baseline;
    const t = m.target;
    let met;
    let targetText;
    if ('ratioAtLeast' in t) {
        met = ratio !== null && ratio >= t.ratioAtLeast;
        targetText = `≥ ${t.ratioAtLeast}×`;
    }
    else if ('ratioAtMost' in t) {
        met = ratio !== null && ratio <= t.ratioAtMost;
        targetText = `≤ ${t.ratioAtMost}×`;
    }
    else if ('atMost' in t) {
        met = m.disco <= t.atMost;
        targetText = `≤ ${t.atMost} ${m.unit}`;
    }
    else if ('atLeast' in t) {
        met = m.disco >= t.atLeast;
        targetText = `≥ ${t.atLeast} ${m.unit}`;
    }
    else {
        met = true;
        targetText = '—';
    }
    return {
        ...m,
        id: s.id,
        title: s.title,
        baselineName: s.baseline,
        disco: round(m.disco),
        baseline: m.baseline === null ? null : round(m.baseline),
        ratio: ratio === null ? null : Number(ratio.toFixed(2)),
        targetText,
        met
    };
}
/** A plain-text table, one line a measure. */
export function table(rows) {
    const head = ['#', 'measure', 'disco', 'raw stack', 'ratio', 'target', 'met'];
    const body = rows.map(r => [
        r.id,
        r.metric,
        `${r.disco} ${r.unit}`,
        r.baseline === null ? '—' : `${r.baseline} ${r.unit}`,
        r.ratio === null ? '—' : `${r.ratio}×`,
        r.targetText,
        r.targetText === '—' ? '' : r.met ? 'yes' : 'NO'
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => b[i].length)));
    const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    const baselines = [...new Map(rows.map(r => [r.id, `${r.id} ${r.title} — raw stack: ${r.baselineName}`])).values()];
    return [line(head), line(widths.map(w => '-'.repeat(w))), ...body.map(line), '', ...baselines].join('\n');
}
//# sourceMappingURL=harness.js.map