import t from 'tap'
import { converged, founder, joiner, testnet } from './helpers/cluster.js'
import { contribution } from './helpers/ops.js'
import { balance } from '../src/commands/balance.js'
import { members } from '../src/commands/members.js'

t.test('three members on a loopback swarm converge to one ledger', async t => {
  const network = await testnet(t)
  const ana = await founder(t, network, 'Ana')
  const bo = await joiner(t, network, ana, 'Bo')
  const cy = await joiner(t, network, ana, 'Cy', 'dater')

  await Promise.all([ana, bo, cy].map((n, i) => n.append([
    contribution({ minutes: 60 + i }),
    contribution({ stream: 'care', careFor: 'collective', minutes: 30 }),
    contribution({ stream: 'livelihood', money: { amount: 1000 * (i + 1), currency: 'EUR' }, client: 'Acme', minutes: 90 })
  ])))
  const digest = await converged([ana, bo, cy])
  t.match(digest, /^[0-9a-f]{64}$/)

  const list = (await members(cy)).members
  t.same(list.map(m => [m.name, m.role]).sort(), [['Ana', 'member'], ['Bo', 'contributor'], ['Cy', 'dater']])
  const bal = await balance(bo, {})
  t.same(bal.total.map(s => [s.stream, s.minutes, s.entries]), [['livelihood', 270, 3], ['love', 183, 3], ['care', 90, 3]])
})
