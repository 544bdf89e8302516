import b4a from 'b4a'
import { getCooperative, getDevice, getDigest, getProtocolVersion, listMembers, rejectionTotals } from '../consensus/queries.js'
import type { RejectionCount } from '../consensus/apply.js'
import { PROTOCOL_VERSION } from '../ledger/ops.js'
import type { DiscoNode } from '../node/node.js'
import type { MirrorState } from '../mirror/link.js'

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
}

export async function status (node: DiscoNode): Promise<StatusOutput> {
  const snap = node.snapshot()
  try {
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
      writable: node.base.writable,
      indexer: node.base.isIndexer,
      members: members.length,
      devices: members.reduce((n, m) => n + m.devices.length, 0),
      localLength: node.base.local.length,
      length: node.base.length,
      signedLength: node.base.signedLength,
      unsignedChanges: node.view.core.length - node.view.core.signedLength,
      digest: await getDigest(snap),
      protocol: { active: await getProtocolVersion(snap), supported: PROTOCOL_VERSION },
      rejected: await rejectionTotals(snap),
      mirrors: await node.mirrors()
    }
  } finally {
    await snap.close()
  }
}
