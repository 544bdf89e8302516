import net from 'node:net'

/**
 * One connection to a control socket speaking the raw protocol: writes the lines, and resolves
 * with the first `answers` answers (progress messages included), parsed. Fails on a socket error,
 * or if the node closes the connection before answering them all.
 */
export async function rawSession (file: string, lines: string[], answers: number): Promise<Array<Record<string, unknown>>> {
  return await new Promise((resolve, reject) => {
    const socket = net.connect(file)
    const got: Array<Record<string, unknown>> = []
    let buf = ''
    let done = false
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buf += chunk
      let nl
      while ((nl = buf.indexOf('\n')) !== -1) {
        got.push(JSON.parse(buf.slice(0, nl)) as Record<string, unknown>)
        buf = buf.slice(nl + 1)
      }
      if (got.length >= answers && !done) { done = true; socket.end(); resolve(got) }
    })
    socket.on('error', err => { if (!done) { done = true; reject(err) } })
    socket.on('close', () => { if (!done) { done = true; reject(new Error(`the connection closed after ${got.length} of ${answers} answers: ${JSON.stringify(got)}`)) } })
    socket.on('connect', () => { for (const l of lines) socket.write(l + '\n') })
  })
}
