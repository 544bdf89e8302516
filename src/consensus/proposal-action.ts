import b4a from 'b4a'
import type { ProposalAction } from '../ledger/ops.js'
import type { Role } from '../ledger/roles.js'
import type { Rules } from '../ledger/rules.js'

/** A proposal's action as JSON in the view and in command output: keys as hex. */
export type ActionView =
  | { kind: 'admit', writer: string, role: Role, name: string }
  | { kind: 'role', member: string, role: Role }
  | { kind: 'remove', member: string }
  | { kind: 'indexers', devices: string[] }
  | { kind: 'protocol', version: number }
  | { kind: 'motion' }
  | { kind: 'rules', rules: Rules }
  | { kind: 'distribute', month: string, pool: number, currency: string }
  | { kind: 'federate', key: string, topic: string, name: string }
  | { kind: 'unfederate', key: string }
  | { kind: 'trust', key: string, value: number, stage: number }
  | { kind: 'checkins', days: number }
  | { kind: 'deliberation', hours: number }
  | { kind: 'mirrors', keys: string[] }
  | { kind: 'onboarding', member: string, stage: number }

const hex = (key: Uint8Array): string => b4a.toString(key, 'hex')

export function actionView (a: ProposalAction): ActionView {
  switch (a.kind) {
    case 'admit': return { kind: a.kind, writer: hex(a.writer), role: a.role, name: a.name }
    case 'role': return { kind: a.kind, member: hex(a.member), role: a.role }
    case 'remove': return { kind: a.kind, member: hex(a.member) }
    case 'indexers': return { kind: a.kind, devices: a.devices.map(hex) }
    case 'protocol': return { kind: a.kind, version: a.version }
    case 'motion': return { kind: a.kind }
    case 'rules': return { kind: a.kind, rules: a.rules }
    case 'distribute': return { kind: a.kind, month: a.month, pool: a.pool.amount, currency: a.pool.currency }
    case 'federate': return { kind: a.kind, key: hex(a.key), topic: hex(a.topic), name: a.name }
    case 'unfederate': return { kind: a.kind, key: hex(a.key) }
    case 'trust': return { kind: a.kind, key: hex(a.key), value: a.value, stage: a.stage }
    case 'checkins': return { kind: a.kind, days: a.days }
    case 'deliberation': return { kind: a.kind, hours: a.hours }
    case 'mirrors': return { kind: a.kind, keys: a.keys.map(hex) }
    case 'onboarding': return { kind: a.kind, member: hex(a.member), stage: a.stage }
  }
}
