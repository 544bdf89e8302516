/** Charts (Chart.js, loaded as /vendor/chart.umd.min.js): bars and straight lines only, no
 * smoothed curves between monthly totals, no animation (a live update must not make the page dance). */
import type { Chart as ChartType, ChartConfiguration } from 'chart.js'
import { STREAMS } from '../../src/ledger/streams.js'
import type { Stream } from '../../src/ledger/streams.js'

export const COLOURS: Record<Stream, string> = { livelihood: '#2f6f9f', love: '#c0392b', care: '#23704a' }
export { STREAMS }

declare global {
  interface Window { Chart?: new (canvas: HTMLCanvasElement, config: ChartConfiguration) => ChartType }
}

const drawn = new Map<string, ChartType>()

/** (Re)draw a chart; without the library (it failed to load) the tables still show everything. */
export function chart (id: string, config: ChartConfiguration): void {
  drawn.get(id)?.destroy()
  const Chart = window.Chart
  const canvas = document.getElementById(id)
  if (Chart === undefined || !(canvas instanceof HTMLCanvasElement)) return
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options }
  drawn.set(id, new Chart(canvas, config))
}
