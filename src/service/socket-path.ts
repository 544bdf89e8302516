import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DiscoError } from '../errors.js'

/** The control socket's file name inside the storage folder. */
export const SOCKET_NAME = 'disco.sock'

/**
 * The longest socket path used as is. `sun_path` holds 108 bytes on Linux and 104 on macOS, the
 * terminating NUL included: 103 fits both.
 */
export const MAX_SOCKET_PATH = 103

export interface SocketLocation {
  /** where the running node listens */
  path: string
  /** the private folder in the temp dir that holds it, when the storage path is too long; else null */
  fallbackDir: string | null
}

/**
 * Where a storage folder's control socket is: `<storage>/disco.sock`, or — when that path is too
 * long for a Unix socket — `<tmpdir>/disco-<hash of the storage path>/disco.sock`. The node and
 * every CLI call compute it with this one function, from the storage folder's real path, so that
 * `--storage ./x` and `--storage /abs/x` (or a symlink to it) find the same socket.
 */
export async function socketLocation (storage: string): Promise<SocketLocation> {
  const abs = await canonical(storage)
  const inside = path.join(abs, SOCKET_NAME)
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return { path: inside, fallbackDir: null }
  // loaded only here: node:crypto costs a call to the running node a few ms to load (bench P13)
  const { createHash } = await import('node:crypto')
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 16)
  const dir = path.join(os.tmpdir(), `disco-${hash}`)
  return { path: path.join(dir, SOCKET_NAME), fallbackDir: dir }
}

async function canonical (storage: string): Promise<string> {
  const abs = path.resolve(storage)
  try {
    return await fs.realpath(abs)
  } catch {
    return abs
  }
}

function uid (): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null
}

/**
 * For the node, before it listens: make the fallback folder private to this user (a folder of that
 * name that someone else owns, or that is not a folder, is refused), and check the path fits.
 */
export async function prepareSocketDir (loc: SocketLocation): Promise<void> {
  if (Buffer.byteLength(loc.path) > MAX_SOCKET_PATH) {
    throw new DiscoError('SOCKET_PATH', `the control socket path ${loc.path} is too long for a Unix socket: use a shorter --storage path or TMPDIR`, 'state')
  }
  if (loc.fallbackDir === null) return
  try {
    await fs.mkdir(loc.fallbackDir, { mode: 0o700 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const st = await fs.lstat(loc.fallbackDir)
  const me = uid()
  if (!st.isDirectory() || (me !== null && st.uid !== me)) {
    throw new DiscoError('SOCKET_DIR', `${loc.fallbackDir} (for the control socket) is not a folder of this user: remove it, or use a shorter --storage path`, 'state')
  }
  await fs.chmod(loc.fallbackDir, 0o700)
}

/**
 * For a CLI call, before it connects: is there a socket of a node to talk to? A socket (and, in
 * the temp dir, its folder) must belong to this user or to the storage folder's owner — the owner of
 * the data the call is about — and the fallback folder must be closed to others. Anything else is
 * not talked to (another local user could have put it there) and counts as no node: our own node
 * would have refused to listen there (prepareSocketDir).
 */
export async function socketPresent (loc: SocketLocation, storage: string): Promise<boolean> {
  let st
  try {
    st = await fs.lstat(loc.path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return false
    throw err
  }
  if (!st.isSocket()) return false
  const me = uid()
  if (me === null) return true
  const owners = new Set<number>([me])
  try {
    owners.add((await fs.stat(storage)).uid)
  } catch {}
  if (!owners.has(st.uid)) return false
  if (loc.fallbackDir === null) return true
  const dir = await fs.lstat(loc.fallbackDir)
  return dir.isDirectory() && owners.has(dir.uid) && (dir.mode & 0o077) === 0
}
