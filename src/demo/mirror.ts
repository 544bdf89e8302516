import { DiscoNode } from '../node/node.js'
import { joinCooperative } from '../invites/join.js'
import { invite } from '../commands/invite.js'
import { log } from '../commands/log.js'
import { entries } from '../commands/entries.js'
import { propose } from '../commands/propose.js'
import { vote } from '../commands/vote.js'
import { status } from '../commands/status.js'
import type { EntryView } from '../commands/views.js'
import { DemoStage } from './stage.js'
import { MirrorService } from '../mirror/service.js'
import type { MirrorStatus } from '../mirror/service.js'

export interface MirrorDemoOutput {
  folder: string
  kept: boolean
  mirror: MirrorStatus
  /** the ledger as each member's node ends with it */
  nodes: Array<{ name: string, entries: EntryView[], length: number, signedLength: number, digest: string | null }>
}

const WAIT_MS = 60_000

/** Wait for `check`, re-checked on each ledger update and every 200 ms, or fail after WAIT_MS. */
async function until (node: DiscoNode, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`the demo gave up waiting for ${what}`)
    await new Promise<void>(resolve => {
      const done = (): void => { clearTimeout(timer); node.off('update', done); resolve() }
      const timer = setTimeout(done, 200)
      node.on('update', done)
    })
  }
}

const heldByMirror = async (node: DiscoNode): Promise<boolean> => (await node.mirrors()).some(m => m.reached && m.behind === 0)
const holds = async (node: DiscoNode, description: string): Promise<boolean> =>
  (await entries(node, {})).entries.some(e => e.description === description)

/**
 * `disco demo --mirror`: two members whose nodes are never online at the same time share their work
 * through a mirror (the real blind-peer, in this process, on a loopback testnet). Ana founds the
 * cooperative, Bo joins, they adopt the mirror; then only one of them is online at a time.
 */
export async function runMirrorDemo (opts: { keep?: string, onStep?: (text: string) => void } = {}): Promise<MirrorDemoOutput> {
  const step = opts.onStep ?? (() => {})
  const stage = await DemoStage.open('disco-mirror-demo', opts.keep)
  const { network } = stage
  const mirror = await MirrorService.open(stage.at('mirror'), { maxBytes: 1024 ** 3, network })
  try {
    await mirror.listen()
    step(`a mirror runs (disco mirror), key ${mirror.key.slice(0, 16)}…; it holds no key of any ledger`)
    const ana = stage.track(await DiscoNode.create({ storage: stage.at('ana'), coopName: 'Guerrilla Translation', memberName: 'Ana', network, ackInterval: 100 }))
    await ana.joined()
    const bo = stage.track(await joinCooperative({ storage: stage.at('bo'), code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Bo' }))
    const { proposal } = await propose(ana, { kind: 'mirrors', addMirror: mirror.key, text: 'our always-on mirror' })
    await vote(ana, { id: proposal.id, choice: 'yes' })
    step('Ana founds the cooperative, Bo joins, and the cooperative adopts the mirror by proposal')
    await until(bo, 'Bo\'s node to use the mirror', async () => await heldByMirror(bo))
    await bo.close()

    await log(ana, { stream: 'love', duration: '3h', description: 'Ana: translated the zine', project: 'zine' })
    await until(ana, 'the mirror to hold Ana\'s entry', async () => await heldByMirror(ana))
    await ana.close()
    step('Bo is offline; Ana logs her work, the mirror takes it, Ana goes offline')

    const bo2 = stage.track(await DiscoNode.open({ storage: stage.at('bo'), network, ackInterval: 100 }))
    await until(bo2, 'Bo to get Ana\'s entry from the mirror', async () => await holds(bo2, 'Ana: translated the zine'))
    step(`Bo comes online with nobody else: he gets Ana's entry from the mirror alone (${bo2.peers} members' nodes online)`)
    await log(bo2, { stream: 'care', duration: '1h', description: 'Bo: onboarding call', for: 'collective' })
    await until(bo2, 'the mirror to hold Bo\'s entry', async () => await heldByMirror(bo2))
    await bo2.close()
    step('Bo logs his work, the mirror takes it, Bo goes offline')

    const ana2 = stage.track(await DiscoNode.open({ storage: stage.at('ana'), network, ackInterval: 100 }))
    await until(ana2, 'Ana to get Bo\'s entry and sign it', async () =>
      await holds(ana2, 'Bo: onboarding call') && ana2.view.core.signedLength === ana2.view.core.length)
    await until(ana2, 'the mirror to hold Ana\'s signature', async () => await heldByMirror(ana2))
    step('Ana comes back, alone: she gets Bo\'s entry from the mirror and signs it (she indexes the ledger)')
    const final = await summary('Ana', ana2)
    await ana2.close()
    const bo3 = stage.track(await DiscoNode.open({ storage: stage.at('bo'), network, ackInterval: 100 }))
    await until(bo3, 'Bo to reach Ana\'s signed ledger', async () => (await status(bo3)).digest === final.digest && bo3.view.core.signedLength === bo3.view.core.length)
    step('Bo comes back, alone: his node reaches the same signed ledger')
    const nodes = [final, await summary('Bo', bo3)]
    return { folder: stage.folder, kept: opts.keep !== undefined, mirror: mirror.status(), nodes }
  } finally {
    await stage.close()
    await mirror.close()
  }
}

async function summary (name: string, node: DiscoNode): Promise<MirrorDemoOutput['nodes'][number]> {
  const s = await status(node)
  return { name, entries: (await entries(node, {})).entries, length: s.length, signedLength: s.signedLength, digest: s.digest }
}
