import fs from 'node:fs/promises'
import path from 'node:path'
import b4a from 'b4a'

/**
 * The seeds of the invites this node made, kept in its storage folder (`invites/<invite id>`,
 * the folder 0700, each file 0600, like the rest of the storage folder's secrets) so that this node,
 * and only it, can sign what it adds to its answer: the ledger's current system core key, which
 * lets the joiner fast-forward instead of re-applying the whole ledger (docs/architecture.md,
 * "Network and invites"). A seed is the invite code's secret: it is never printed nor logged, and it is
 * deleted once its invite is answered, used or expired. Losing one costs only the fast-forward.
 */
function seedsDir (storage: string): string {
  return path.join(storage, 'invites')
}

function seedPath (storage: string, inviteId: Uint8Array): string {
  return path.join(seedsDir(storage), b4a.toString(inviteId, 'hex'))
}

export async function saveInviteSeed (storage: string, inviteId: Uint8Array, seed: Uint8Array): Promise<void> {
  const dir = seedsDir(storage)
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
  await fs.chmod(dir, 0o700)
  const file = seedPath(storage, inviteId)
  const tmp = `${file}.${process.pid}.tmp`
  await fs.writeFile(tmp, seed, { mode: 0o600 })
  await fs.rename(tmp, file)
}

/** The seed of an invite this node made, or null (another node's invite, or one already answered). */
export async function readInviteSeed (storage: string, inviteId: Uint8Array): Promise<Uint8Array | null> {
  try {
    const seed = await fs.readFile(seedPath(storage, inviteId))
    return seed.byteLength === 32 ? seed : null
  } catch {
    return null
  }
}

export async function forgetInviteSeed (storage: string, inviteId: Uint8Array): Promise<void> {
  await fs.rm(seedPath(storage, inviteId), { force: true })
}

/** The ids of the invites whose seeds this node keeps. */
export async function keptInviteSeeds (storage: string): Promise<Uint8Array[]> {
  let names: string[]
  try {
    names = await fs.readdir(seedsDir(storage))
  } catch {
    return []
  }
  return names.filter(n => /^[0-9a-f]{64}$/.test(n)).map(n => b4a.from(n, 'hex'))
}
