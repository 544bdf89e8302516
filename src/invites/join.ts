import Autobase from 'autobase'
import Corestore from 'corestore'
import b4a from 'b4a'
import { DiscoError } from '../errors.js'
import { DiscoNode } from '../node/node.js'
import { Network } from '../net/swarm.js'
import type { NetworkOptions } from '../net/swarm.js'
import { decodeInviteCode, mirrorsOfHint, requestToJoin, systemKeyOfHint } from '../net/invites.js'
import { getDevice } from '../consensus/queries.js'
import { corestorePath, hasConfig, prepareStorage, writeConfig } from '../node/storage.js'

export type JoinStage = 'asking' | 'paired' | 'admitted' | 'caught-up'

export interface JoinOptions {
  storage: string
  code: string
  network: NetworkOptions
  /** the name the cooperative will see */
  me: string
  timeoutMs?: number
  /** a private network's bootstrap (`host:port,…`) to keep in config.json for `disco start` */
  saveBootstrap?: string
  onProgress?: (stage: JoinStage, detail: string) => void
}

/**
 * A new device joins with an invite code: it sends its writer key, receives the ledger key and the
 * encryption key from a member's node, opens the ledger, waits to be admitted as a writer and
 * to catch up, then names itself. Returns the node, open and on the swarm.
 */
export async function joinCooperative (opts: JoinOptions): Promise<DiscoNode> {
  const timeoutMs = opts.timeoutMs ?? 60_000
  const progress = opts.onProgress ?? (() => {})
  decodeInviteCode(opts.code) // a mistyped code fails here, before any folder is made
  if (await hasConfig(opts.storage)) throw DiscoError.alreadyInitialised(opts.storage)
  await prepareStorage(opts.storage)

  const store = new Corestore(corestorePath(opts.storage))
  let result
  try {
    const writerKey = await Autobase.getLocalKey(store)
    const network = new Network(opts.network, conn => store.replicate(conn))
    try {
      progress('asking', "asking the cooperative's nodes")
      result = await requestToJoin(network.swarm, opts.code, writerKey, timeoutMs)
    } finally {
      await network.destroy()
    }
  } finally {
    await store.close()
  }
  if (result.encryptionKey === null) throw new DiscoError('NOT_ENCRYPTED', 'the cooperative answered without an encryption key', 'state')
  // The inviter's node adds the ledger's system core key, signed with the invite's key (checked by
  // blind-pairing): with it this node fast-forwards instead of re-applying the whole ledger. It is
  // as trustworthy as the ledger and encryption keys that came with it; any other shape is ignored.
  const fastForwardTo = systemKeyOfHint(result.data)
  progress('paired', `ledger ${b4a.toString(result.key, 'hex').slice(0, 8)}${fastForwardTo !== null ? ', fast-forward key' : ''}`)
  await writeConfig(opts.storage, { format: 1, ledger: b4a.toString(result.key, 'hex'), ...(opts.saveBootstrap !== undefined ? { bootstrap: opts.saveBootstrap } : {}) })

  // the cooperative's mirrors, from the inviter: this node's ledger names them only once it has it
  const mirrors = mirrorsOfHint(result.data)
  const node = await DiscoNode.open({
    storage: opts.storage,
    network: mirrors.length > 0 ? { ...opts.network, mirrors: [...(opts.network.mirrors ?? []), ...mirrors] } : opts.network,
    encryptionKey: result.encryptionKey,
    ...(fastForwardTo !== null ? { fastForwardTo } : {})
  })
  try {
    await waitFor(node, async () => node.writable && await isDevice(node), timeoutMs, 'to be admitted as a writer')
    progress('admitted', `${node.lengths().length} blocks so far${node.fastForwards.length > 0 ? ', fast-forwarded' : ''}`)
    await node.append([{ type: 'profile', name: opts.me.trim() }])
    progress('caught-up', `ledger length ${node.lengths().length}`)
    return node
  } catch (err) {
    await node.close()
    throw err
  }
}

/**
 * This machine's device key for a storage folder that has not joined yet: what a member proposes
 * to admit (`disco propose admit <key>`) for a newcomer admitted by vote. The same folder then joins
 * with any invite code, and is let in as the participant the vote made it.
 */
export async function deviceKey (storage: string): Promise<string> {
  if (await hasConfig(storage)) throw DiscoError.alreadyInitialised(storage)
  await prepareStorage(storage)
  const store = new Corestore(corestorePath(storage))
  try {
    return b4a.toString(await Autobase.getLocalKey(store), 'hex')
  } finally {
    await store.close()
  }
}

async function isDevice (node: DiscoNode): Promise<boolean> {
  const snap = node.snapshot()
  try {
    return await getDevice(snap, b4a.toString(node.localKey, 'hex')) !== null
  } finally {
    await snap.close()
  }
}

/** Re-check on every ledger update (and when this device becomes a writer) until the condition holds, or fail after the timeout. */
export async function waitFor (node: DiscoNode, check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  if (await check()) return
  await new Promise<void>((resolve, reject) => {
    let busy = false
    const onUpdate = (): void => {
      if (busy) return
      busy = true
      check().then(ok => {
        busy = false
        if (ok) { cleanup(); resolve() }
      }, err => { cleanup(); reject(err) })
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new DiscoError('JOIN_TIMEOUT', `gave up waiting ${what} after ${Math.round(timeoutMs / 1000)} s`, 'state'))
    }, timeoutMs)
    const cleanup = (): void => { clearTimeout(timer); node.off('update', onUpdate); node.off('writable', onUpdate) }
    node.on('update', onUpdate)
    node.on('writable', onUpdate)
  })
}
