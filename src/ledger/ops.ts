import type { CareTarget, Stream } from './streams.js'
import type { Money } from './currency.js'
import type { Role } from './roles.js'
import type { Audience, Choice } from './governance.js'
import type { Rules } from './rules.js'
import type { DecisionSpec } from './decision.js'

/** The highest protocol version this node understands. Ops above the cooperative's active
 * version are rejected; a ledger whose active version is above this one stops this node. */
export const PROTOCOL_VERSION = 1

/** Where an op sits in the ledger: its writer (device) core, the block, the op in the block.
 * Op and entry ids are derived from this, never chosen by the author. */
export interface OpRef {
  writer: Uint8Array
  seq: number
  index: number
}

/** What a value entry says. Optional text is '' when absent; stream-specific fields are empty
 * (or null) on other streams. */
export interface ContributionFields {
  stream: Stream
  /** whole minutes */
  minutes: number
  /** the work date, in days since 1970-01-01 */
  day: number
  description: string
  project: string
  tags: string[]
  /** livelihood: the client the work was for */
  client: string
  /** love: the commons the work feeds */
  commons: string
  /** care: for the collective or for a person */
  careFor: CareTarget | null
  /** livelihood: what the work earned */
  money: Money | null
  /** what the work produced, in a unit the rules name (words, pages, sessions): it earns credits
   * at the unit's rate, beside the minutes or instead of them (minutes may then be 0) */
  output: Output | null
}

export interface Output {
  /** the name of a unit in the rules in force */
  unit: string
  /** whole units, 1 or more */
  quantity: number
}

/** The first op of every ledger, by the founder's first device. */
export interface FoundOp {
  type: 'found'
  coopName: string
  memberName: string
}

export interface ContributionOp extends ContributionFields {
  type: 'contribution'
  /** optional idempotency key: a second contribution by the same member with it does not count */
  key: string
  /** work done for a federated cooperative: its id (the federate's signed core key, hex). Absent
   * (never '') when the work was not for a federate; on the wire it has a tag of its own, so that
   * frames written before federation keep their bytes. */
  forCoop?: string
}

export type ContributionPatch = Partial<ContributionFields>

export interface AmendOp {
  type: 'amend'
  target: OpRef
  patch: ContributionPatch
}

export interface RetractOp {
  type: 'retract'
  target: OpRef
  reason: string
}

export interface ProfileOp {
  type: 'profile'
  name: string
}

/** What an invite admits: a new participant with a role that an invite alone may grant, or
 * another device of the inviting member. */
export const INVITE_ROLES = ['contributor', 'dater', 'device'] as const
export type InviteRole = typeof INVITE_ROLES[number]

/** A one-time invite, recorded so that any member's running node can answer it. Only its public
 * key is in the ledger; the secret stays in the code the inviter hands over. */
export interface InviteOp {
  type: 'invite'
  /** blind-pairing's invite id (32 bytes) */
  inviteId: Uint8Array
  /** the key the joiner's request is signed with (32 bytes) */
  publicKey: Uint8Array
  role: InviteRole
  /** ms since the epoch; an admission written after it is refused */
  expires: number
}

/** A node that answered an invite admits the joiner's writer key. The first admission wins. */
export interface AdmitOp {
  type: 'admit'
  inviteId: Uint8Array
  writer: Uint8Array
  /** the joiner's signature, with the key pair of the invite code, over the invite id and its
   * writer key (64 bytes, ledger/admission.ts): only who holds the code can spend the invite */
  proof: Uint8Array
}

/** What a proposal would do, by kind (docs/governance.md). Keys are 32 bytes. */
export type ProposalAction =
  | { kind: 'admit', writer: Uint8Array, role: Role, name: string }
  | { kind: 'role', member: Uint8Array, role: Role }
  | { kind: 'remove', member: Uint8Array }
  | { kind: 'indexers', devices: Uint8Array[] }
  | { kind: 'protocol', version: number }
  | { kind: 'motion' }
  /** replace the accounting rules (docs/accounting.md) with this whole set */
  | { kind: 'rules', rules: Rules }
  /** distribute a pool among the participants by the month's credits, and close the month */
  | { kind: 'distribute', month: string, pool: Money }
  /** federate with another cooperative (docs/federation.md): its signed core's key, the swarm
   * topic where it is found, and the name it goes by here */
  | { kind: 'federate', key: Uint8Array, topic: Uint8Array, name: string }
  /** end a federation: stop witnessing the federate */
  | { kind: 'unfederate', key: Uint8Array }
  /** a federate's trust value (0-100) and journey stage (1-7) */
  | { kind: 'trust', key: Uint8Array, value: number, stage: number }
  /** how often nodes check in with each federate, in days */
  | { kind: 'checkins', days: number }
  /** the minimum time, in whole hours, between a proposal and its decision by anything but every
   * binding vote (docs/governance.md, "Deliberation") */
  | { kind: 'deliberation', hours: number }
  /** the cooperative's mirrors (always-on blind peers, src/mirror): their keys, the whole set */
  | { kind: 'mirrors', keys: Uint8Array[] }
  /** a participant's onboarding stage (docs/accounting.md, "Onboarding stages"); 0: none */
  | { kind: 'onboarding', member: Uint8Array, stage: number }

export interface ProposeOp {
  type: 'propose'
  action: ProposalAction
  /** what it is about, in the proposer's words */
  text: string
  audience: Audience
  /** ms since the epoch, at least the minimum deliberation after the proposal; 0 for none. Once
   * the ledger time passes it, a `close` decides by lazy consensus. */
  deadline: number
  /** how it is decided (docs/governance.md, "Decision types"). Absent (never 'majority') for the
   * majority rule with lazy consensus and blocks; on the wire a proposal with one has a tag of its
   * own, so that one without keeps the bytes it had before decision types existed. */
  decision?: DecisionSpec
}

export interface VoteOp {
  type: 'vote'
  proposal: OpRef
  choice: Choice
  reason: string
}

export interface CloseOp {
  type: 'close'
  proposal: OpRef
}

/** A voter's ballot on a poll (score, ranked, dots): whole numbers whose meaning the poll's type
 * gives (ledger/decision.ts, `ballotProblem`). A later ballot by the same member replaces it. */
export interface BallotOp {
  type: 'ballot'
  proposal: OpRef
  values: number[]
  reason: string
}

/** An objection to a consent proposal, with its reason: it stands until its objector resolves or
 * withdraws it. */
export interface ObjectOp {
  type: 'object'
  proposal: OpRef
  reason: string
}

export const RESOLUTIONS = ['resolved', 'withdrawn'] as const
export type Resolution = typeof RESOLUTIONS[number]

/** The objector's own word on their objection: resolved (the proposal now meets it: a new round
 * starts) or withdrawn (dropped as it stands). */
export interface ResolveOp {
  type: 'resolve'
  proposal: OpRef
  objection: OpRef
  outcome: Resolution
  note: string
}

/** The proposer's decision on an advice proposal, after hearing the advice. */
export interface DecideOp {
  type: 'decide'
  proposal: OpRef
  adopt: boolean
  reason: string
}

/** Another member confirms a value entry (never their own; once each). */
export interface EndorseOp {
  type: 'endorse'
  target: OpRef
}

/** Money the cooperative received. */
export interface IncomeOp {
  type: 'income'
  money: Money
  /** who paid it */
  client: string
  /** the day it was received, in days since 1970-01-01 */
  day: number
  description: string
  /** optional idempotency key, as for contributions */
  key: string
}

/** A distributed month's payouts were paid. */
export interface PaidOp {
  type: 'paid'
  /** YYYY-MM */
  month: string
  /** the day they were paid, in days since 1970-01-01 */
  day: number
  /** the bank transfer's reference, or whatever lets a treasurer find it */
  reference: string
}

/** What a federate's signed core said at one point: its signed length, fork id, the tree hash at
 * that length and the signature over them (hypercore's `treeSignable`, possibly a multisig). */
export interface SignedState {
  length: number
  fork: number
  treeHash: Uint8Array
  signature: Uint8Array
}

/** A node witnessed a federate's signed history (docs/federation.md). `manifest` is the federate
 * core's encoded manifest: its hash is the key, and it says who signs. */
export interface CheckinOp extends SignedState {
  type: 'checkin'
  federate: Uint8Array
  manifest: Uint8Array
}

/** A node of a hypercore's merkle tree (hypercore's own shape). */
export interface TreeNode {
  index: number
  size: number
  hash: Uint8Array
}

/** A federate signed two histories that do not extend each other: the evidence, checkable by
 * anyone with `disco verify-evidence` (docs/federation.md). When the observed history is longer
 * than the witnessed one, `prefix` holds its merkle roots at the witnessed length and `extension`
 * the nodes that grow them to the observed length (hypercore's conflict proof), so that the
 * observed signature is seen to cover another history at the witnessed length; both are empty
 * otherwise. */
export interface DisputeOp {
  type: 'dispute'
  federate: Uint8Array
  manifest: Uint8Array
  witnessed: SignedState
  observed: SignedState
  prefix: TreeNode[]
  extension: TreeNode[]
}

/**
 * "My clock says this": an op with no body, whose frame's time counts towards the ledger time
 * (ledger/ledger-time.ts). A running member's node writes one when a proposal waits on the ledger
 * time that its own clock has passed, so that silent members' nodes still move it on.
 */
export interface TickOp {
  type: 'tick'
}

export type Op = FoundOp | ContributionOp | AmendOp | RetractOp | ProfileOp | InviteOp | AdmitOp | ProposeOp | VoteOp | CloseOp |
  EndorseOp | IncomeOp | PaidOp | CheckinOp | DisputeOp | TickOp | BallotOp | ObjectOp | ResolveOp | DecideOp
export type OpType = Op['type']

/** One autobase block: the protocol version it was written for, the author's clock (ms since
 * the epoch, non-decreasing per device), and one or more ops. */
export interface Frame {
  version: number
  time: number
  ops: Op[]
}

/** The patchable fields, in wire order (bit i of an amend's mask). Never reorder. */
export const PATCH_FIELDS = [
  'stream', 'minutes', 'day', 'description', 'project', 'tags', 'client', 'commons', 'careFor', 'money', 'output'
] as const satisfies ReadonlyArray<keyof ContributionFields>
