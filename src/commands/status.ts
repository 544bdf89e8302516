import b4a from 'b4a'
import { getCooperative, getDevice, getDigest, getProtocolVersion, listMembers, rejectionTotals } from '../consensus/queries.js'
import type { RejectionCount } from '../consensus/apply.js'
import { PROTOCOL_VERSION } from '../ledger/ops.js'
import type { LedgerNode } from '../node/ledger-node.js'
import type { MirrorState } from '../mirror/link.js'
import type { BeeReader } from 'hyperbee'
import { getRules } from '../consensus/accounting-queries.js'
import { VALUE_ROLES } from '../ledger/rules.js'
import { evaluationOf } from './evaluate.js'

export interface StatusOutput {
  storage: string
  cooperative: string | null
  /** the ledger's key: what other devices and members join */
  ledger: string
  /** this device's writer key */
  device: string
  member: { id: string, name: string, role: string } | null
  writable: boolean
  indexer: boolean
  members: number
  devices: number
  /** this device's own op log */
  localLength: number
  /** the linearised ledger (autobase's system core) and how much of it the indexers signed */
  length: number
  signedLength: number
  /** changes to the view that the indexers have not signed yet: 0 when every entry is final (the
   * system core itself stays a block or two short, the indexers' own last acknowledgements) */
  unsignedChanges: number
  /** the view's order-independent digest: equal on nodes with the same content */
  digest: string | null
  protocol: { active: number | null, supported: number }
  rejected: RejectionCount
  /** the cooperative's mirrors: reached now or not, and how many blocks of this node's copy each lacks */
  mirrors: MirrorState[]
  /** when the rules set quotas: the period that holds the ledger time, and who is behind an even
   * pace towards their quota in it (docs/accounting.md, "Evaluation"); null without quotas */
  quota: { period: string, elapsed: number, behind: Array<{ member: string, name: string, credits: string, expected: string, quota: string }> } | null
}

/** Who is behind their quota's pace in the current period, as `disco status` says it: how a
 * running node notes a member falling short well before the period ends. */
export async function quotaPace (snap: BeeReader): Promise<StatusOutput['quota']> {
  const { rules } = await getRules(snap)
  if (VALUE_ROLES.every(role => rules.quota.credits[role] === 0)) return null
  const e = await evaluationOf(snap)
  return {
    period: e.period,
    elapsed: e.elapsed,
    behind: e.rows.filter(r => r.behind).map(r => ({ member: r.member, name: r.name, credits: r.credits, expected: r.expected ?? '0', quota: r.quota }))
  }
}

export async function status (node: LedgerNode): Promise<StatusOutput> {
  const snap = node.snapshot()
  try {
    const lengths = node.lengths()
    const device = b4a.toString(node.localKey, 'hex')
    const members = await listMembers(snap)
    const mine = await getDevice(snap, device)
    const me = mine === null ? undefined : members.find(m => m.id === mine.member)
    return {
      storage: node.storage,
      cooperative: (await getCooperative(snap))?.name ?? null,
      ledger: b4a.toString(node.key, 'hex'),
      device,
      member: me === undefined ? null : { id: me.id, name: me.name, role: me.role },
      writable: lengths.writable,
      indexer: lengths.indexer,
      members: members.length,
      devices: members.reduce((n, m) => n + m.devices.length, 0),
      localLength: lengths.localLength,
      length: lengths.length,
      signedLength: lengths.signedLength,
      unsignedChanges: lengths.viewLength - lengths.viewSignedLength,
      digest: await getDigest(snap),
      protocol: { active: await getProtocolVersion(snap), supported: PROTOCOL_VERSION },
      rejected: await rejectionTotals(snap),
      mirrors: await node.mirrors(),
      quota: await quotaPace(snap)
    }
  } finally {
    await snap.close()
  }
}
