import b4a from 'b4a'
import type Autobase from 'autobase'
import type Hypercore from 'hypercore'
import { auditStoredCore, openWriterCore as openDecoded } from '../stack/writer-cores.js'
import type { CoreAudit, WriterMessage } from '../stack/writer-cores.js'

/** One block of a writer's core, as verify needs it: its causal heads and its value. */
export interface WriterBlock {
  heads: Array<{ writer: string, length: number }>
  /** null for an indexer's ack, which autobase never hands to apply */
  value: Uint8Array | null
}

/** What checking one writer's core found. */
export interface WriterCheck {
  writer: string
  length: number
  /** blocks whose hash was checked against the Merkle tree */
  blocksAudited: number
  /** blocks present and read (a core may hold a sparse copy) */
  blocks: WriterBlock[]
  /** why this core cannot be trusted, or null */
  problem: string | null
}

/**
 * A session on a writer's core that decrypts and decodes its blocks, as autobase opens it. When
 * blocks may be fetched, the session is active: hypercore replicates a core only while some session
 * of it is, and autobase leaves a writer's core inactive once it has read it to the end, so some
 * 20-40 s after a writer last wrote (hypercore's linger) its channels close on both ends, and an
 * inactive session would wait for a peer that never comes.
 */
function openWriterCore (base: Autobase<unknown>, writer: string, fetch: FetchMissing): Hypercore {
  return openDecoded(base, b4a.from(writer, 'hex'), { active: fetch !== null })
}

/**
 * Check a writer's core from its own storage: hypercore's audit re-hashes every stored block and
 * tree node against its parent, and a proof of the whole tree is checked as a peer knowing only
 * the writer's public key would check it (the roots' signature). Then read its blocks.
 */
export async function checkWriterCore (base: Autobase<unknown>, writer: string, fetch: FetchMissing): Promise<WriterCheck> {
  const core = openWriterCore(base, writer, fetch)
  try {
    await core.ready()
    const check: WriterCheck = { writer, length: core.length, blocksAudited: 0, blocks: [], problem: null }
    if (core.length === 0) return check
    const audit = await auditAtRest(core)
    if (!clean(audit)) {
      return { ...check, problem: `writer ${short(writer)}: its stored Merkle tree or blocks do not hash to the signed roots` }
    }
    check.blocksAudited = audit.blocks
    try {
      await core.verifyFullyRemote(await core.proof({ upgrade: { start: 0, length: core.length } }))
    } catch (err) {
      return { ...check, problem: `writer ${short(writer)}: the signature of its tree at length ${core.length} does not verify (${(err as Error).message})` }
    }
    check.blocks = await readBlocks(core, fetch)
    return check
  } finally {
    await core.close()
  }
}

const clean = (audit: CoreAudit | null): audit is CoreAudit =>
  audit !== null && !audit.corrupt && audit.droppedBlocks === 0 && audit.droppedTreeNodes === 0

/** How many times a core that looks damaged is audited before verify believes it */
const AUDIT_TRIES = 5

/**
 * Hypercore's audit reads the stored tree and blocks one by one, with no snapshot: on a core that
 * grows meanwhile (this device's own log, appended to by the running node verify asks; a peer's
 * log, downloading) it can read a tree node written for the next length beside the roots of the
 * last, and report damage there is none of: about one audit in ten under steady appends, with the
 * core's length the same before and after. Damage on disk stays where it is, so an audit that finds
 * some is run again, and only damage every audit finds is reported.
 */
async function auditAtRest (core: Hypercore): Promise<CoreAudit | null> {
  let audit: CoreAudit | null = null
  for (let tries = 0; tries < AUDIT_TRIES; tries++) {
    audit = await auditStoredCore(core)
    if (clean(audit)) return audit
  }
  return audit
}

/**
 * Whether to fetch from peers the blocks this device does not hold: a node that caught up by
 * fast-forwarding holds only what it needed. Offline, a missing block ends the list (and verify
 * names it); online, it is downloaded, and its proof checked, as any replicated block is.
 */
export type FetchMissing = { timeoutMs: number } | null

/** Every block, in order, read in parallel runs; a missing one ends the list. */
async function readBlocks (core: Hypercore, fetch: FetchMissing): Promise<WriterBlock[]> {
  const opts = fetch === null ? { wait: false } : { timeout: fetch.timeoutMs }
  const out: WriterBlock[] = []
  const RUN = 256
  for (let start = 0; start < core.length; start += RUN) {
    const run = await Promise.all(Array.from({ length: Math.min(RUN, core.length - start) }, async (_, i) =>
      await core.get<WriterMessage>(start + i, opts).catch(() => null)))
    for (const message of run) {
      if (message === null) return out
      out.push({
        heads: message.node.heads.map(h => ({ writer: b4a.toString(h.key, 'hex'), length: h.length })),
        value: message.node.value
      })
    }
  }
  return out
}

export function short (writer: string): string {
  return writer.slice(0, 8)
}
