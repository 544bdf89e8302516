import b4a from 'b4a'
import Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import type { ApplyNode, HostCalls } from 'autobase'
import { encodeFrame } from '../../src/ledger/codec.js'
import { PROTOCOL_VERSION } from '../../src/ledger/ops.js'
import type { AdmitOp, ContributionOp, InviteOp, InviteRole, Op } from '../../src/ledger/ops.js'
import { admitProof } from '../../src/ledger/admission.js'
import crypto from 'hypercore-crypto'

/** Builders for ops and frames, and a bare view to apply them to, shared by the tests. */
export function contribution (over: Partial<ContributionOp> = {}): ContributionOp {
  return {
    type: 'contribution',
    stream: 'love',
    minutes: 60,
    day: 20760, // 2026-11-03
    description: 'translated the zine',
    project: 'zine',
    tags: [],
    client: '',
    commons: '',
    careFor: null,
    money: null,
    output: null,
    key: '',
    ...over
  }
}

export function frame (ops: Op[], opts: { version?: number, time?: number } = {}): Buffer {
  return b4a.from(encodeFrame({ version: opts.version ?? PROTOCOL_VERSION, time: opts.time ?? 1_790_000_000_000, ops })) as Buffer
}

/** A writer that appends raw blocks, numbering them as a hypercore would. */
export class FakeWriter {
  readonly key: Buffer
  length = 0
  constructor (fill: number) {
    this.key = b4a.alloc(32, fill) as Buffer
  }

  node (value: Buffer): ApplyNode {
    this.length++
    return { from: { key: this.key } as ApplyNode['from'], length: this.length, value, indexed: true }
  }

  get hex (): string { return b4a.toString(this.key, 'hex') }
}

export interface RecordingHost extends HostCalls {
  interrupted: string[]
}

export function host (): RecordingHost {
  const interrupted: string[] = []
  return {
    interrupted,
    addWriter: async () => {},
    removeWriter: async () => {},
    removeable: () => true,
    interrupt: (reason?: string) => { interrupted.push(reason ?? '') }
  }
}

/** A fresh, empty view in its own corestore folder. */
export async function bareView (dir: string): Promise<{ bee: Hyperbee, close: () => Promise<void> }> {
  const store = new Corestore(dir)
  const bee = new Hyperbee(store.get({ name: 'view' }), { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false })
  await bee.ready()
  return { bee, close: async () => { await bee.close(); await store.close() } }
}

/** Every key and value of a view, for comparing two of them. */
export async function dump (bee: Hyperbee): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = []
  for await (const { key, value } of bee.createReadStream()) out.push([key, b4a.toString(value)])
  return out
}

/** An invite as its maker's node holds it: the ids the ledger records, and the code's secret seed. */
export interface TestInvite {
  inviteId: Buffer
  publicKey: Buffer
  seed: Buffer
}

export function testInvite (fill: number): TestInvite {
  const seed = b4a.alloc(32, fill) as Buffer
  return { inviteId: b4a.alloc(32, fill ^ 0x5a) as Buffer, publicKey: crypto.keyPair(seed).publicKey as Buffer, seed }
}

/** The `invite` op that records it. */
export function inviteOf (inv: TestInvite, role: InviteRole, expires: number): InviteOp {
  return { type: 'invite', inviteId: inv.inviteId, publicKey: inv.publicKey, role, expires }
}

/** The `admit` op a joiner's proof makes: signed with the invite's seed for this writer key. */
export function admitOf (inv: TestInvite, writer: Uint8Array): AdmitOp {
  return { type: 'admit', inviteId: inv.inviteId, writer, proof: admitProof(inv.seed, inv.inviteId, writer) }
}
