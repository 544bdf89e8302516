/**
 * The bench suite's harness: options, repetitions and their median, targets, and the output (a
 * table, or JSON). A scenario is one file `bench/p<N>-<name>.ts` that exports `scenario`; run.ts
 * finds every such file, so adding a scenario touches nothing else.
 */

export interface BenchOptions {
  /** small sizes and short windows: the whole suite in under two minutes */
  quick: boolean
  /** flags for the node processes a scenario spawns (the Pi stand-in caps their heap) */
  childFlags: string[]
  /** a progress line (stderr, so that --json stays clean on stdout) */
  say: (line: string) => void
}

/** What a row must meet: a ratio disco / baseline, or an absolute bound on the disco figure. */
export type Target =
  | { ratioAtLeast: number }
  | { ratioAtMost: number }
  | { atMost: number }
  | { atLeast: number }
  /** a figure kept for its trend, with no target of the issue's */
  | { none: true }

export interface Measure {
  /** what is measured, e.g. "ops/s" or "ms per call" */
  metric: string
  unit: string
  disco: number
  /** the raw stack's figure in the same run; null when the scenario has none */
  baseline: number | null
  target: Target
  /** anything else worth keeping (sizes, every repetition, peaks) */
  detail?: Record<string, unknown>
}

export interface Scenario {
  /** "P1" … */
  id: string
  title: string
  /** what the baseline is, in a few words */
  baseline: string
  run: (opts: BenchOptions) => Promise<Measure[]>
}

export interface Row extends Measure {
  id: string
  title: string
  baselineName: string
  ratio: number | null
  targetText: string
  met: boolean
}

export function median (xs: number[]): number {
  if (xs.length === 0) throw new Error('median of nothing')
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Run `fn` `n` times, one after the other; every value, and their median. */
export async function repeat (n: number, fn: (i: number) => Promise<number>): Promise<{ median: number, runs: number[] }> {
  const runs: number[] = []
  for (let i = 0; i < n; i++) runs.push(await fn(i))
  return { median: median(runs), runs: runs.map(round) }
}

/**
 * Run each side `n` times, the sides taking turns (a, b, a, b, …), so that a change in the
 * machine's load during the run falls on both alike; each side's every value and median.
 */
export async function interleave<K extends string> (n: number, sides: Record<K, (i: number) => Promise<number>>): Promise<Record<K, { median: number, runs: number[] }>> {
  const names = Object.keys(sides) as K[]
  const runs = new Map<K, number[]>(names.map(k => [k, []]))
  for (let i = 0; i < n; i++) {
    for (const k of names) runs.get(k)?.push(await sides[k](i))
  }
  const out = {} as Record<K, { median: number, runs: number[] }>
  for (const k of names) {
    const xs = runs.get(k) ?? []
    out[k] = { median: median(xs), runs: xs.map(round) }
  }
  return out
}

/** ms since `start` (process.hrtime.bigint()) */
export function msSince (start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}

export async function timed<T> (fn: () => Promise<T>): Promise<{ ms: number, value: T }> {
  const start = process.hrtime.bigint()
  const value = await fn()
  return { ms: msSince(start), value }
}

/** Three significant digits at most: the noise is larger than that. */
export function round (x: number): number {
  if (!Number.isFinite(x) || x === 0) return x
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))))
  return Number(x.toFixed(Math.min(digits, 4)))
}

export function toRow (s: Scenario, m: Measure): Row {
  const ratio = m.baseline === null || m.baseline === 0 ? null : m.disco / m.baseline
  const t = m.target
  let met: boolean
  let targetText: string
  if ('ratioAtLeast' in t) { met = ratio !== null && ratio >= t.ratioAtLeast; targetText = `≥ ${t.ratioAtLeast}×` } else if ('ratioAtMost' in t) { met = ratio !== null && ratio <= t.ratioAtMost; targetText = `≤ ${t.ratioAtMost}×` } else if ('atMost' in t) { met = m.disco <= t.atMost; targetText = `≤ ${t.atMost} ${m.unit}` } else if ('atLeast' in t) { met = m.disco >= t.atLeast; targetText = `≥ ${t.atLeast} ${m.unit}` } else { met = true; targetText = '—' }
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
  }
}

/** A plain-text table, one line a measure. */
export function table (rows: Row[]): string {
  const head = ['#', 'measure', 'disco', 'raw stack', 'ratio', 'target', 'met']
  const body = rows.map(r => [
    r.id,
    r.metric,
    `${r.disco} ${r.unit}`,
    r.baseline === null ? '—' : `${r.baseline} ${r.unit}`,
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.targetText,
    r.targetText === '—' ? '' : r.met ? 'yes' : 'NO'
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => b[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  const baselines = [...new Map(rows.map(r => [r.id, `${r.id} ${r.title} — raw stack: ${r.baselineName}`])).values()]
  return [line(head), line(widths.map(w => '-'.repeat(w))), ...body.map(line), '', ...baselines].join('\n')
}
