import b4a from 'b4a'
import Corestore from 'corestore'
import { DiscoNode } from '../node/node.js'
import { joinCooperative } from '../invites/join.js'
import { invite } from '../commands/invite.js'
import { log } from '../commands/log.js'
import { propose } from '../commands/propose.js'
import { vote } from '../commands/vote.js'
import { report } from '../commands/report.js'
import type { ReportRow } from '../commands/report.js'
import { federation, federationEvidence, federationInvite } from '../commands/federation.js'
import type { FederationOutput } from '../commands/federation.js'
import { verifyEvidenceText } from '../commands/verify-evidence.js'
import type { VerifiedEvidence } from '../commands/verify-evidence.js'
import type { EvidenceJson } from '../federation/evidence-file.js'
import { converge } from './converge.js'
import type { FederationEvent } from '../federation/desk.js'
import { DemoStage } from './stage.js'

export interface FederationDemoOutput {
  folder: string
  kept: boolean
  /** each cooperative's `disco federation`, at the end */
  federations: Array<{ cooperative: string, federation: FederationOutput }>
  /** Guerrilla Translation's `disco report --by coop` */
  byCoop: ReportRow[]
  /** what Guerrilla Translation's running node printed about its federates */
  events: FederationEvent[]
  evidence: EvidenceJson
  verdict: VerifiedEvidence
}

async function until (nodes: DiscoNode[], what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // what a running node does every few seconds, without waiting for its timer
    await Promise.all(nodes.map(async n => await n.federation.round()))
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`the demo timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

async function federate (by: DiscoNode, code: string, name: string, text: string): Promise<void> {
  const p = (await propose(by, { kind: 'federate', code, name, text })).proposal
  await vote(by, { id: p.id, choice: 'yes' })
}

/**
 * `disco demo --federation`: two cooperatives of two members each on this machine (loopback only)
 * federate by code and proposal, witness each other's signed ledger without its encryption key,
 * set a trust value, log work for each other; then a rewritten copy of Roots Radio's ledger,
 * signed with its indexer's key, reaches Guerrilla Translation's node, which catches it and
 * records a dispute whose evidence a third party can verify.
 */
export async function runFederationDemo (opts: { keep?: string, onStep?: (text: string) => void } = {}): Promise<FederationDemoOutput> {
  const step = opts.onStep ?? (() => {})
  const stage = await DemoStage.open('disco-demo-fed', opts.keep)
  const { folder, network } = stage
  const track = (n: DiscoNode): DiscoNode => stage.track(n)
  const at = (name: string): string => stage.at(name)
  let forger: Corestore | null = null
  try {
    step('a DHT testnet on 127.0.0.1 (no other network)')
    const ana = track(await DiscoNode.create({ storage: at('ana'), coopName: 'Guerrilla Translation', memberName: 'Ana', network, ackInterval: 100 }))
    const rosa = track(await DiscoNode.create({ storage: at('rosa'), coopName: 'Roots Radio', memberName: 'Rosa', network, ackInterval: 100 }))
    await Promise.all([ana.joined(), rosa.joined()])
    step('Ana founds Guerrilla Translation and invites Bo; Rosa founds Roots Radio and invites Sam')
    const bo = track(await joinCooperative({ storage: at('bo'), code: (await invite(ana, { role: 'contributor' })).code, network, me: 'Bo' }))
    const sam = track(await joinCooperative({ storage: at('sam'), code: (await invite(rosa, { role: 'contributor' })).code, network, me: 'Sam' }))
    await log(rosa, { stream: 'care', duration: '1h', description: 'Roots Radio internal: budget worries' })

    step('each cooperative hands the other its federation code; each federates by a passed proposal')
    const gtCode = (await federationInvite(ana)).code
    const rrCode = (await federationInvite(rosa)).code
    await federate(ana, rrCode, 'Roots Radio', 'they air our translations')
    await federate(rosa, gtCode, 'Guerrilla Translation', 'they translate our shows')

    const events: FederationEvent[] = []
    ana.on('federation', (e: FederationEvent) => events.push(e))
    step('each node replicates the other cooperative\'s signed core by key, and checks in')
    const checkedIn = async (n: DiscoNode): Promise<boolean> => (await federation(n)).federates.every(f => f.lastCheckin !== null)
    await until([ana, rosa], 'check-ins both ways', async () => await checkedIn(ana) && await checkedIn(rosa))

    step('Guerrilla Translation sets Roots Radio\'s trust to 60, journey stage 2; Bo logs work for Roots Radio')
    const trust = (await propose(ana, { kind: 'trust', federate: 'Roots Radio', value: 60, stage: 2, text: 'a year of good work together' })).proposal
    await vote(ana, { id: trust.id, choice: 'yes' })
    await log(bo, { stream: 'love', duration: '3h', description: 'subtitled a Roots Radio show', forCoop: 'Roots Radio' })
    await log(bo, { stream: 'love', duration: '1h', description: 'our own zine' })
    await log(sam, { stream: 'livelihood', duration: '2h', description: 'recorded an interview for Guerrilla Translation', forCoop: 'Guerrilla Translation' })
    await Promise.all([converge([ana, bo], 60_000), converge([rosa, sam], 60_000)])

    // Before the rewrite, Roots Radio's two nodes are collected (their final summary) and go
    // offline: the copy that reaches Ana's node is the only Roots Radio it meets from then on.
    const rrFederation = await federation(rosa)
    const system = rosa.base.core
    const systemId = b4a.toString(system.key, 'hex')
    const held = (await ana.federation.head(systemId))?.state.length ?? 0
    const witnessedLength = (await federation(ana)).federates[0]?.lastCheckin?.length ?? 0
    const manifest = system.manifest
    const keyPair = rosa.base.local.keyPair
    // what a cooperative that wanted to undo its past needs: its indexer's key, and its own past
    // as stored (ciphertext: no decryption needed either)
    const past: Buffer[] = []
    for (let i = 0; i < held; i++) past.push((await system.get(i, { raw: true })) as Buffer)
    const keep = witnessedLength - 2
    if (manifest === null || keyPair === null || keep < (manifest.prologue?.length ?? 0)) throw new Error('the demo ledger is too short to rewrite')
    await rosa.close()
    await sam.close()

    step("Roots Radio goes offline; a copy of its ledger, cut below Guerrilla Translation's check-in and written on, signed with its indexer's key, reaches Ana's node")
    forger = new Corestore(at('forged'))
    const forged = forger.get({ manifest, keyPair })
    await forged.ready()
    // the same history Ana's node holds (one append: a core with a prologue takes no batch shorter)
    await forged.append(past)
    // then cut below the check-in and written on: a new signed history (hypercore raises the fork id)
    await forged.truncate(keep)
    await forged.append(Buffer.from('a rewritten block'))
    const a = ana.base.replicate(true)
    const f = forger.replicate(false)
    a.pipe(f).pipe(a)
    a.on('error', () => {})
    f.on('error', () => {})
    await until([ana], 'the dispute', async () => (await federation(ana)).disputes.length > 0)
    const dispute = (await federation(ana)).disputes[0]
    if (dispute === undefined) throw new Error('no dispute')
    const { evidence } = await federationEvidence(ana, { id: dispute.id })
    const verdict = verifyEvidenceText(JSON.stringify(evidence))
    await converge([ana, bo], 60_000)

    return {
      folder,
      kept: opts.keep !== undefined,
      federations: [
        { cooperative: 'Guerrilla Translation', federation: await federation(bo) },
        { cooperative: 'Roots Radio', federation: rrFederation }
      ],
      byCoop: (await report(ana, { by: 'coop' })).rows,
      events,
      evidence,
      verdict
    }
  } finally {
    if (forger !== null) await forger.close()
    await stage.close()
  }
}
