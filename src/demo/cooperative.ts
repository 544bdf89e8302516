import { DiscoNode } from '../node/node.js'
import { joinCooperative } from '../invites/join.js'
import { invite } from '../commands/invite.js'
import { log } from '../commands/log.js'
import { amend } from '../commands/amend.js'
import { retract } from '../commands/retract.js'
import { entries } from '../commands/entries.js'
import { balance } from '../commands/balance.js'
import { status } from '../commands/status.js'
import { propose } from '../commands/propose.js'
import { vote } from '../commands/vote.js'
import { proposals } from '../commands/proposals.js'
import type { ProposalView } from '../commands/proposal-view.js'
import type { BalanceOutput } from '../commands/balance.js'
import type { EntryView } from '../commands/views.js'
import { converge } from './converge.js'
import { income } from '../commands/income.js'
import { paid } from '../commands/paid.js'
import { statement } from '../commands/statement.js'
import type { StatementView } from '../commands/statement.js'
import { formatDay, monthOfDay, today } from '../ledger/dates.js'
import { DemoStage } from './stage.js'

/** The month before this one, YYYY-MM. */
function lastMonth (): string {
  const first = today() - Number(formatDay(today()).slice(8)) + 1
  return monthOfDay(first - 1)
}

export interface DemoNodeState {
  name: string
  role: string
  length: number
  signedLength: number
  digest: string | null
}

export interface DemoOutput {
  folder: string
  kept: boolean
  entries: EntryView[]
  balance: BalanceOutput
  nodes: DemoNodeState[]
  proposals: ProposalView[]
  /** the distributed month's statement, as each node prints it */
  statements: StatementView[]
  /** from Cy's reconnection until all three nodes held the same signed ledger */
  reconnectMs: number
}

/**
 * `disco demo`: a three-member cooperative on this machine, with no network but loopback. A DHT
 * testnet on 127.0.0.1; Ana founds the cooperative and invites Bo and Cy; each logs work in the
 * three streams; Cy goes offline and keeps logging; Cy reconnects and all three converge; Cy
 * becomes a member by vote; the month's income is recorded, the month distributed and paid.
 */
export async function runDemo (opts: { keep?: string, onStep?: (text: string) => void } = {}): Promise<DemoOutput> {
  const step = opts.onStep ?? (() => {})
  const stage = await DemoStage.open('disco-demo', opts.keep)
  const { folder, network } = stage
  const track = (n: DiscoNode): DiscoNode => stage.track(n)
  const at = (name: string): string => stage.at(name)
  // the work is last month's, so that the cooperative can distribute it: a month is distributed once it is over
  const month = lastMonth()
  const day = (dd: string): string => `${month}-${dd}`
  try {
    step('a DHT testnet on 127.0.0.1 (no other network)')
    const ana = track(await DiscoNode.create({ storage: at('ana'), coopName: 'Guerrilla Translation', memberName: 'Ana', network, ackInterval: 100 }))
    await ana.joined()
    step('Ana founds "Guerrilla Translation" and invites Bo (contributor) and Cy (dater)')
    const bo = track(await joinCooperative({ storage: at('bo'), code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Bo' }))
    const cy = track(await joinCooperative({ storage: at('cy'), code: (await invite(ana, { role: 'dater' })).code, network, me: 'Cy' }))

    step('each logs work in the three streams')
    const a1 = await log(ana, { stream: 'love', duration: '3h', description: 'translated the zine', project: 'zine', date: day('03') })
    await log(ana, { stream: 'livelihood', duration: '2h', description: 'subtitles', client: 'Acme', amount: '240.00', currency: 'EUR', date: day('04') })
    await log(ana, { stream: 'care', duration: '1h', description: 'onboarding Cy', for: 'collective', date: day('05') })
    await log(bo, { stream: 'love', duration: '1h30m', description: 'proofread the zine', project: 'zine', date: day('03') })
    const b2 = await log(bo, { stream: 'livelihood', duration: '4h', description: 'interpreting', client: 'Coop Fed', amount: '180.00', currency: 'EUR', date: day('06') })
    await log(bo, { stream: 'care', duration: '45m', description: 'listened to Jo', for: 'person', date: day('07') })
    await log(cy, { stream: 'love', duration: '2h', description: 'glossary', project: 'zine', date: day('04') })
    await log(cy, { stream: 'livelihood', duration: '1h', description: 'transcription', client: 'Acme', amount: '60.00', currency: 'EUR', date: day('05') })
    await log(cy, { stream: 'care', duration: '30m', description: 'tidied the shared drive', date: day('06') })
    await amend(ana, { id: a1.entry.id, duration: '3h30m' })
    await retract(bo, { id: b2.entry.id, reason: 'logged on the wrong day' })
    await log(bo, { stream: 'livelihood', duration: '4h', description: 'interpreting', client: 'Coop Fed', amount: '180.00', currency: 'EUR', date: day('08') })

    step('Cy goes offline and keeps logging; Ana and Bo go on too')
    await cy.goOffline()
    await log(cy, { stream: 'love', duration: '1h', description: 'offline: notes for the glossary', project: 'zine', date: day('09') })
    await log(cy, { stream: 'care', duration: '20m', description: 'offline: called Bo', for: 'person', date: day('09') })
    await log(ana, { stream: 'love', duration: '2h', description: 'layout of the zine', project: 'zine', date: day('09') })
    await log(bo, { stream: 'care', duration: '1h', description: 'team check-in', date: day('10') })

    step('Cy reconnects')
    const start = Date.now()
    await cy.goOnline(network)
    await converge([ana, bo, cy], 60_000)
    const reconnectMs = Date.now() - start

    step('Ana proposes that Cy, a dater, become a member; the members vote')
    const proposal = (await propose(ana, { kind: 'role', member: 'Cy', role: 'member', text: 'Cy has finished onboarding' })).proposal
    await vote(ana, { id: proposal.id, choice: 'yes', reason: 'welcome!' })
    await converge([ana, bo, cy], 60_000)

    step(`Ana records the month's income; the members distribute ${month} and Ana marks it paid`)
    await income(ana, { amount: '1500.00', currency: 'EUR', from: 'Acme', date: day('20'), message: 'subtitles and transcription' })
    const distribution = (await propose(ana, { kind: 'distribute', month, amount: '1000.00', currency: 'EUR', text: `${month}: 1000 of the 1500 EUR in` })).proposal
    await vote(ana, { id: distribution.id, choice: 'yes' })
    await converge([ana, bo, cy], 60_000)
    await vote(cy, { id: distribution.id, choice: 'yes' })
    await converge([ana, bo, cy], 60_000)
    await paid(ana, { month, reference: 'demo transfer 1' })
    await converge([ana, bo, cy], 60_000)

    const names = ['Ana', 'Bo', 'Cy']
    const nodes: DemoNodeState[] = []
    for (const [i, n] of [ana, bo, cy].entries()) {
      const s = await status(n)
      nodes.push({ name: names[i] as string, role: s.member?.role ?? '?', length: s.length, signedLength: s.signedLength, digest: s.digest })
    }
    return {
      folder,
      kept: opts.keep !== undefined,
      entries: (await entries(cy, {})).entries,
      balance: await balance(bo, {}),
      proposals: (await proposals(cy, {})).proposals,
      statements: await Promise.all([ana, bo, cy].map(async n => (await statement(n, { month })).statements[0] as StatementView)),
      nodes,
      reconnectMs
    }
  } finally {
    await stage.close()
  }
}
