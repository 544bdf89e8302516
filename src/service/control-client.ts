import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { DiscoError } from '../errors.js'
import { encode, errorFromWire, LineSplitter } from './protocol.js'
import type { ControlResponse } from './protocol.js'
import { socketLocation, socketPresent } from './socket-path.js'

/**
 * The CLI's side of the control socket. `connectControl` finds the running node of a storage
 * folder (null when none runs: no socket, or a socket left by a node that is gone); `request`
 * sends one command and resolves to its result, or rejects with the same error the handler threw.
 */
export async function connectControl (storage: string): Promise<net.Socket | null> {
  const loc = await socketLocation(storage)
  if (!await socketPresent(loc, storage)) return null
  return await new Promise<net.Socket | null>((resolve, reject) => {
    const socket = net.connect(loc.path)
    socket.once('connect', () => {
      socket.off('error', onError)
      resolve(socket)
    })
    const onError = (err: NodeJS.ErrnoException): void => {
      socket.destroy()
      // gone since we looked, or a leftover of a node that died: no node runs
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'ENOTSOCK') resolve(null)
      else if (err.code === 'EACCES' || err.code === 'EPERM') {
        reject(new DiscoError('SOCKET_DENIED', `cannot reach the running node at ${loc.path}: permission denied (run disco as the node's user)`, 'state'))
      } else reject(err)
    }
    socket.once('error', onError)
  })
}

/**
 * After STORE_BUSY with no socket: a node may be between taking the store's lock and listening.
 * Wait for its socket (woken by changes in the socket's folder, re-checked at least every 100 ms)
 * until `timeoutMs`; null if none answered by then.
 */
export async function waitForControl (storage: string, timeoutMs: number): Promise<net.Socket | null> {
  const deadline = Date.now() + timeoutMs
  const loc = await socketLocation(storage)
  let wake: (() => void) | null = null
  let watcher: fs.FSWatcher | null = null
  try {
    watcher = fs.watch(path.dirname(loc.path), () => wake?.())
    watcher.on('error', () => {})
  } catch {} // the fallback folder may not exist yet: the re-check below covers it
  try {
    for (;;) {
      const socket = await connectControl(storage)
      if (socket !== null) return socket
      const left = deadline - Date.now()
      if (left <= 0) return null
      await new Promise<void>(resolve => {
        const timer = setTimeout(done, Math.min(100, left))
        function done (): void { clearTimeout(timer); wake = null; resolve() }
        wake = done
      })
    }
  } finally {
    watcher?.close()
  }
}

let nextId = 1

/** Send one command on a connected control socket; the socket is closed after the answer. */
export async function request<T> (socket: net.Socket, command: string, input: unknown, onProgress?: (value: unknown) => void): Promise<T> {
  const id = nextId++
  try {
    return await new Promise<T>((resolve, reject) => {
      let settled = false
      const settle = (fn: () => void): void => {
        if (settled) return
        settled = true
        fn()
      }
      const lines = new LineSplitter(line => {
        let msg: ControlResponse
        try {
          msg = JSON.parse(line) as ControlResponse
        } catch {
          settle(() => reject(new DiscoError('BAD_RESPONSE', 'the running node sent something that is not JSON', 'state')))
          return
        }
        if (msg.id !== id && msg.id !== null) return
        if (settled) return
        if ('progress' in msg) {
          // a caller that cannot take a piece (an export's file full) ends the request with its error
          try { onProgress?.(msg.progress) } catch (err) { settle(() => reject(err)) }
        } else if ('result' in msg) settle(() => resolve(msg.result as T))
        else if ('error' in msg) settle(() => reject(errorFromWire(msg.error)))
      }, () => settle(() => reject(new DiscoError('BAD_RESPONSE', 'the running node sent a line that is too long', 'state'))))
      socket.on('data', (chunk: Buffer) => lines.push(chunk))
      socket.on('error', err => settle(() => reject(gone(err))))
      socket.on('close', () => settle(() => reject(gone(null))))
      socket.write(encode({ id, command, input }))
    })
  } finally {
    socket.end()
    socket.destroy()
  }
}

function gone (err: Error | null): DiscoError {
  return new DiscoError('NODE_GONE', `the running node closed the connection before answering${err !== null ? ` (${err.message})` : ''}: check with "disco status" whether the command took effect`, 'state')
}
