import t from 'tap'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import b4a from 'b4a'
import { DiscoNode } from '../src/node/node.js'
import { dispatch } from '../src/service/handlers.js'
import type { CommandName } from '../src/service/handlers.js'
import { bin } from './helpers/processes.js'
import { keptInviteSeeds, readInviteSeed } from '../src/invites/seeds.js'

const run = promisify(execFile)

/**
 * No secret reaches a log or a `--json` output. A demo keeps its three nodes; every output of it
 * (its steps on stderr, its report on stdout), the `--json` output of every reading command on each
 * kept node (the handlers' output, which the CLI prints as it is and formats as text), and the
 * text of `disco status` and `disco verify` are searched for each node's secrets: the ledger's encryption key, the
 * device's secret key and the seeds of the invites it keeps, in hex, base64 and base64url. (The invite code is checked in
 * two-processes.test.ts: `disco invite` prints it for the member to hand over, the node never logs it.)
 */
const READING: Array<[CommandName, object]> = [
  ['status', {}], ['members', {}], ['entries', {}], ['balance', {}], ['proposals', {}], ['statement', {}],
  ['credits', {}], ['report', {}], ['rules', {}], ['rejections', {}], ['verify', {}],
  ['export', { format: 'hledger' }], ['export', { format: 'beancount' }], ['export', { format: 'csv' }]
]

function spellings (secret: Uint8Array): string[] {
  const hex = b4a.toString(secret, 'hex')
  const base64 = b4a.toString(secret, 'base64')
  return [hex, hex.toUpperCase(), base64, base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')]
}

t.test('no secret in the outputs of a demo and of every reading command on its nodes', async t => {
  const dir = t.testdir()
  const outputs: string[] = []
  const demo = await run(process.execPath, [bin, 'demo', '--keep', dir], { timeout: 120_000 })
  outputs.push(demo.stdout, demo.stderr)

  const secrets: Array<{ what: string, value: Uint8Array }> = []
  const publics: string[] = []
  for (const name of ['ana', 'bo', 'cy']) {
    const storage = `${dir}/${name}`
    const node = await DiscoNode.open({ storage })
    const encryptionKey = node.base.encryptionKey
    const secretKey = node.base.local.keyPair?.secretKey
    t.ok(encryptionKey, `${name}: the ledger has an encryption key`)
    t.ok(secretKey, `${name}: the device has a secret key`)
    if (encryptionKey !== null) secrets.push({ what: `${name}'s encryption key`, value: encryptionKey })
    if (secretKey !== undefined) secrets.push({ what: `${name}'s device secret key`, value: secretKey })
    publics.push(b4a.toString(node.localKey, 'hex'))
    // an invite not yet used: its node keeps the seed (to sign the fast-forward hint of its answer)
    if (name === 'ana') outputs.push(JSON.stringify(await dispatch(node, 'invite', { role: 'contributor' }, { running: false, progress: () => {} })))
    for (const [name, input] of READING) {
      outputs.push(JSON.stringify(await dispatch(node, name, input, { running: false, progress: p => outputs.push(JSON.stringify(p)) })))
    }
    for (const id of await keptInviteSeeds(storage)) {
      const seed = await readInviteSeed(storage, id)
      if (seed !== null) secrets.push({ what: `${name}'s invite seed`, value: seed })
    }
    await node.close()
  }
  for (const args of [['status'], ['verify']]) {
    const r = await run(process.execPath, [bin, '--storage', `${dir}/ana`, ...args], { timeout: 30_000 })
    outputs.push(r.stdout, r.stderr)
  }
  t.ok(secrets.some(s => s.what === "ana's invite seed"), "the search has an invite's seed")
  const all = outputs.join('\n')
  t.ok(publics.every(key => all.includes(key)), 'the search can find keys: every device\'s public key is in the outputs')
  for (const { what, value } of secrets) {
    const found = spellings(value).filter(s => all.includes(s))
    t.strictSame(found, [], `${what} appears nowhere`)
  }
})
