import t from 'tap'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import createTestnet from 'hyperdht/testnet.js'
import type { LogOutput } from '../src/commands/log.js'
import type { ReportOutput } from '../src/commands/report.js'
import { bin, discoCli, killAll, root, WAIT } from './helpers/processes.js'

/**
 * `disco serve` and `disco start --serve` as a member runs them: the built binary, the URL it
 * prints once, the token that URL carries, and the other commands still served over the control
 * socket while the dashboard runs.
 */

const dir = await mkdtemp(path.join(os.tmpdir(), 'disco-dashboard-cli-'))
t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
const HOME = path.join(dir, 'home')
await mkdir(HOME)
const env: NodeJS.ProcessEnv = { ...process.env, HOME, XDG_DATA_HOME: path.join(HOME, '.local', 'share') }
const testnet = await createTestnet(3, { host: '127.0.0.1' })
t.teardown(async () => { await testnet.destroy() })
const NET = ['--bootstrap', testnet.bootstrap.map(b => `${b.host}:${b.port}`).join(','), '--dht-host', '127.0.0.1']
const { run, ok, startNode } = discoCli({ env })
t.teardown(killAll)

const S = path.join(dir, 'ledger')

async function get (url: string, headers: Record<string, string> = {}): Promise<{ status: number, text: string }> {
  const res = await fetch(url, { headers, redirect: 'manual' })
  return { status: res.status, text: await res.text() }
}

t.test('usage errors: exit 2, nothing started', async t => {
  await ok(t, S, ['init', '--name', 'Coop', '--me', 'Ana'])
  for (const args of [['serve', '--port', 'eighty'], ['serve', '--port', '70000'], ['start', '--port', '8080']]) {
    const r = await run(S, args)
    t.equal(r.exit, 2, `disco ${args.join(' ')}: exit 2`)
    t.match(r.stderr, /--port/, r.stderr.trim())
  }
})

t.test('disco start --serve: the dashboard URL is printed once, and the token is what it takes', async t => {
  await ok<LogOutput>(t, S, ['log', 'love', '2h', '-m', 'before the node started'])
  const node = startNode(t, S, [...NET, '--serve', '--port', '0'])
  const event = await node.waitFor('the dashboard line', e => e.type === 'dashboard')
  const [url] = event.type === 'dashboard' ? event.urls : []
  t.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/, 'on 127.0.0.1, with a 256-bit token')
  const token = new URL(url as string).searchParams.get('token') as string
  const origin = new URL(url as string).origin

  t.equal((await get(origin + '/')).status, 401, 'no token: 401')
  const login = await get(url as string)
  t.equal(login.status, 303, 'the login link redirects…')
  const page = await get(origin + '/', { Authorization: `Bearer ${token}` })
  t.equal(page.status, 200)
  t.match(page.text, /<title>DisCO dashboard<\/title>/, '…to the page')
  const chart = await get(origin + '/vendor/chart.umd.min.js', { Authorization: `Bearer ${token}` })
  t.equal(chart.status, 200, 'the charting library, from node_modules (no CDN)')

  // the API and the CLI (over the control socket) answer from the same handlers
  const api = JSON.parse((await get(origin + '/api/report?by=stream', { Authorization: `Bearer ${token}` })).text) as ReportOutput
  const cli = await ok<ReportOutput>(t, S, ['report', '--by', 'stream'])
  t.same(api, cli, 'GET /api/report equals disco report --json')
  const bad = await fetch(origin + '/api/log', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ stream: 'love', duration: '0h' }) })
  const cliBad = await run(S, ['log', 'love', '0h', '--json'])
  t.equal(bad.status, 400)
  // the page also gets the params its message was made from (to say it in its language)
  const { error: { params: _params, ...webError } } = await bad.json() as { error: { params?: unknown } }
  t.same({ error: webError }, JSON.parse(cliBad.stdout), 'an error is the CLI\'s, code and message')

  const lines = [...node.events.map(e => JSON.stringify(e)), node.stderr].join('\n')
  t.equal(lines.split(token).length - 1, 1, 'the token appears in one line of the output, the URL')
  node.proc.kill('SIGTERM')
  t.same(await node.exited, { code: 0, signal: null }, 'SIGTERM stops node and dashboard cleanly')
})

t.test('disco serve: the same, for a member who only wants the page', async t => {
  const child = spawn('env', ['-u', 'NODE_OPTIONS', process.execPath, bin, '--storage', S, 'serve', '--port', '0', ...NET],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no dashboard line: ${out}`)), WAIT)
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c
      const m = /dashboard .*?(http:\/\/\S+)/.exec(out)
      if (m !== null) { clearTimeout(timer); resolve(m[1] as string) }
    })
    child.once('exit', () => { clearTimeout(timer); reject(new Error(`exited: ${out}`)) })
  })
  const origin = new URL(url).origin
  t.equal((await get(origin + '/api/status')).status, 401, 'no token: 401')
  const status = await get(origin + '/api/status', { Authorization: `Bearer ${new URL(url).searchParams.get('token') ?? ''}` })
  t.equal(status.status, 200)
  t.match(JSON.parse(status.text), { cooperative: 'Coop', running: true })
  const exited = new Promise(resolve => child.once('exit', code => resolve(code)))
  child.kill('SIGINT')
  t.equal(await exited, 0, 'Ctrl-C stops it cleanly')
})
