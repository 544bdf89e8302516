import t from 'tap'
import { folder, founder, joiner, testnet, digestOf, converged } from './helpers/cluster.js'
import { contribution } from './helpers/ops.js'
import { MirrorService } from '../src/mirror/service.js'
import { DiscoNode } from '../src/node.js'

t.test('spike: a blind peer bridges two members never online together', async t => {
  const network = await testnet(t)
  const mirror = await MirrorService.open(folder(t, 'mirror'), { maxBytes: 100_000_000, network })
  t.teardown(() => mirror.close())
  const net = { ...network, mirrors: [mirror.key] }
  const ana = await founder(t, net, 'Ana')
  const bo = await joiner(t, net, ana, 'Bo')
  await converged([ana, bo])
  await bo.close()
  await ana.append([contribution({ minutes: 61, description: 'CANARY-ANA' })])
  const deadline = Date.now() + 20000
  while (true) {
    const s = ana.mirrors()
    console.log(JSON.stringify(s), JSON.stringify(mirror.status()))
    if (s[0]?.reached === true && s[0].behind === 0) break
    if (Date.now() > deadline) throw new Error('mirror never caught up')
    await new Promise(r => setTimeout(r, 500))
  }
  const want = await digestOf(ana)
  await ana.close()
  const t0 = Date.now()
  const bo2 = await DiscoNode.open({ storage: folder(t, 'Bo'), network: net, ackInterval: 100 })
  t.teardown(() => bo2.close())
  while (await digestOf(bo2) !== want) {
    if (Date.now() > t0 + 30000) throw new Error('Bo never got Ana\'s entry ' + JSON.stringify(bo2.mirrors()))
    await bo2.base.update()
    await new Promise(r => setTimeout(r, 300))
  }
  t.pass(`Bo got Ana's entry from the mirror alone in ${Date.now() - t0} ms`)
})
