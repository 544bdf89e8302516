import t from 'tap'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn, execFile } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { DiscoNode } from '../src/node/node.js'
import { joinCooperative } from '../src/invites/join.js'
import { invite } from '../src/commands/invite.js'
import { converge } from '../src/demo/converge.js'
import { bin } from './helpers/processes.js'


interface DhtInfo { host: string, port: number, bootstrap: string }

/** What `disco dht --json` printed when it started, or why it did not. */
async function dhtInfo (dht: ChildProcess): Promise<{ info: DhtInfo } | { failed: string }> {
  return await new Promise(resolve => {
    let out = ''
    const timer = setTimeout(() => resolve({ failed: `disco dht did not start in 20 s: ${out}` }), 20_000)
    dht.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      let printed
      try { printed = JSON.parse(out) } catch { return } // not whole yet
      clearTimeout(timer)
      // an error is printed as { error } (and today the process then stays up: the caller kills it)
      resolve('error' in printed ? { failed: `disco dht failed: ${JSON.stringify(printed.error)}` } : { info: printed })
    })
    dht.once('exit', code => { clearTimeout(timer); resolve({ failed: `disco dht exited ${String(code)}: ${out}` }) })
  })
}

t.test('disco dht runs a bootstrap node that two nodes find each other through', async t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-dht-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  // `disco dht --port` takes no 0 (pick a free port), so: a port at random, and another when the
  // first is taken (an in-use port is the one failure worth a second try)
  let started: { dht: ChildProcess, port: number, info: DhtInfo } | null = null
  for (let attempt = 1; started === null; attempt++) {
    const port = 30000 + Math.floor(Math.random() * 20000)
    const dht = spawn(process.execPath, [bin, 'dht', '--host', '127.0.0.1', '--port', String(port), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    t.teardown(() => { if (dht.exitCode === null) dht.kill('SIGKILL') })
    const got = await dhtInfo(dht)
    if ('info' in got) started = { dht, port, info: got.info }
    else if (!/address already in use/.test(got.failed) || attempt === 5) throw new Error(got.failed)
    else { dht.kill('SIGKILL'); t.comment(`port ${port} was taken: another`) }
  }
  const { dht, port, info } = started
  t.same(info, { host: '127.0.0.1', port, bootstrap: `127.0.0.1:${port}` })

  const network = { bootstrap: [{ host: '127.0.0.1', port }], host: '127.0.0.1' }
  const ana = await DiscoNode.create({ storage: path.join(dir, 'ana'), coopName: 'LAN Coop', memberName: 'Ana', network, ackInterval: 100 })
  t.teardown(() => ana.close())
  await ana.joined()
  const bo = await joinCooperative({ storage: path.join(dir, 'bo'), code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Bo', timeoutMs: 30_000 })
  t.teardown(() => bo.close())
  await converge([ana, bo], 30_000)
  t.ok(bo.base.writable, 'Bo paired through the private bootstrap node')

  const exited = new Promise<number | null>(resolve => dht.once('exit', code => resolve(code)))
  dht.kill('SIGTERM')
  t.equal(await exited, 0, 'stops cleanly on SIGTERM')
})

t.test('disco dht refuses an address it cannot announce', async t => {
  const code = await new Promise<number>(resolve => {
    execFile(process.execPath, [bin, 'dht', '--host', '0.0.0.0'], { timeout: 20_000 }, err => resolve(err === null ? 0 : Number(err.code)))
  })
  t.equal(code, 2)
})

t.test('disco dht on a port in use, or an address not this machine\'s, says so and exits at once', async t => {
  const dgram = await import('node:dgram')
  const holder = dgram.createSocket('udp4')
  await new Promise<void>(resolve => holder.bind(0, '127.0.0.1', () => resolve()))
  t.teardown(() => holder.close())
  const run = async (args: string[]): Promise<{ code: number, stderr: string }> => await new Promise(resolve => {
    execFile(process.execPath, [bin, 'dht', ...args], { timeout: 20_000 }, (err, _stdout, stderr) =>
      resolve({ code: err === null ? 0 : Number(err.code), stderr }))
  })
  const inUse = await run(['--port', String(holder.address().port)])
  t.equal(inUse.code, 2, 'exit 2, not a hang')
  t.match(inUse.stderr, /UDP port \d+ on 127\.0\.0\.1 is in use by another program/)
  t.notMatch(inUse.stderr, /\bat .*\.js:\d+/, 'no stack trace')
  const elsewhere = await run(['--host', '192.0.2.1'])
  t.equal(elsewhere.code, 2)
  t.match(elsewhere.stderr, /192\.0\.2\.1 is not an address of this machine/)
})
