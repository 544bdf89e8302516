import type { CommandSpec } from './command-spec.js'
import { printLines } from './output.js'
import type { MirrorState } from '../../src/mirror/link.js'

function mirrorLines (mirrors: MirrorState[], running: boolean): string[] {
  if (mirrors.length === 0) return ['mirrors:       none (disco propose mirrors add <key>)']
  return mirrors.map((m, i) => `${i === 0 ? 'mirrors:       ' : '               '}${m.key.slice(0, 16)}  ` +
    (m.reached ? (m.behind === 0 ? 'reached, holds all this node has' : `reached, ${String(m.behind)} block${m.behind === 1 ? '' : 's'} behind this node`)
      : running ? 'not reached' : 'not reached (the node is not running: disco start)'))
}

const status: CommandSpec<'status'> = {
  name: 'status',
  command: 'status',
  description: "this node and its ledger: keys, members, devices, lengths, digest; whether a node runs (disco start) and its peers",
  arguments: [],
  options: [],
  examples: ['disco status', 'disco status --json    # also a health check: "running" and "peers"'],
  input: () => ({}),
  print: (s) => {
    printLines([
      `node:          ${s.running ? `running (disco start), ${String(s.peers ?? 0)} peer${s.peers === 1 ? '' : 's'}` : 'not running (opened for this command)'}`,
      `cooperative:   ${s.cooperative ?? '(not founded)'}`,
      `you:           ${s.member === null ? '(not a member yet)' : `${s.member.name} (${s.member.role}, ${s.member.id.slice(0, 8)})`}`,
      `storage:       ${s.storage}`,
      `ledger key:    ${s.ledger}`,
      `this device:   ${s.device}${s.writable ? ' (writer' + (s.indexer ? ', indexer)' : ')') : ' (read-only)'}`,
      `members:       ${s.members} with ${s.devices} device${s.devices === 1 ? '' : 's'}`,
      `ledger length: ${s.length} (signed: ${s.signedLength}); this device wrote ${s.localLength}`,
      `signatures:    ${s.unsignedChanges === 0 ? 'every change is signed' : `${s.unsignedChanges} change${s.unsignedChanges === 1 ? '' : 's'} not yet signed by the indexers (provisional)`}`,
      `protocol:      ${String(s.protocol.active)} (this node knows up to ${s.protocol.supported})`,
      `rejected ops:  ${s.rejected.total}`,
      `digest:        ${s.digest ?? '-'}`,
      ...mirrorLines(s.mirrors, s.running),
      ...(s.quota === null ? [] : [`quota:         ${s.quota.behind.length === 0 ? `nobody behind in ${s.quota.period}` : `behind in ${s.quota.period} (${Math.floor(s.quota.elapsed / 10)}% of it passed): ` + s.quota.behind.map(b => `${b.name} ${b.credits} of ${b.expected} expected by now`).join(', ')} (disco evaluate)`])
    ])
  }
}

export const specs = [status]
