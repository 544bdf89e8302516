import type { Commands, CommandName } from './command-types.js'
import type { InputShape } from './input-shape.js'

/**
 * What each command's input takes, as JSON: checked by `dispatch` before its handler runs, so a
 * type-confused request from the control socket or the dashboard's API is an INVALID_FIELD error
 * naming the field, never a handler tripping over it. Typed against `Commands`: a field added to a
 * command's input does not compile until it is listed here ('?' marks an optional field).
 */
type Shapes = { [K in CommandName]: InputShape<Commands[K]['input']> }

const ENTRY_FIELDS = {
  stream: 'string',
  duration: 'string?',
  minutes: 'number?',
  date: 'string?',
  description: 'string?',
  project: 'string?',
  tags: 'string[]?',
  amount: 'string?',
  currency: 'string?',
  client: 'string?',
  commons: 'string?',
  for: 'string?',
  quantity: 'string?',
  unit: 'string?'
} as const

const PERIOD = { month: 'string?', from: 'string?', to: 'string?' } as const

export const COMMAND_SHAPES: Shapes = {
  log: { ...ENTRY_FIELDS, key: 'string?', forCoop: 'string?', confirm: 'boolean?', confirmTimeoutMs: 'number?' },
  amend: { ...ENTRY_FIELDS, stream: 'string?', id: 'string', clearMoney: 'boolean?', clearOutput: 'boolean?', clearProject: 'boolean?', clearTags: 'boolean?' },
  retract: { id: 'string', reason: 'string?' },
  entries: { member: 'string?', stream: 'string?', month: 'string?', project: 'string?', limit: 'number?', unendorsed: 'boolean?' },
  balance: { member: 'string?', month: 'string?' },
  import: { file: 'string', stream: 'string', users: 'string[]?', dateFormat: 'string?', skipBad: 'boolean?' },
  status: {},
  evaluate: { period: 'string?' },
  'timer-start': { stream: 'string?', description: 'string?', project: 'string?', tags: 'string[]?', amount: 'string?', currency: 'string?', client: 'string?', commons: 'string?', for: 'string?' },
  'timer-stop': { stream: 'string?', description: 'string?', project: 'string?', tags: 'string[]?', amount: 'string?', currency: 'string?', client: 'string?', commons: 'string?', for: 'string?' },
  'timer-status': {},
  'timer-cancel': {},
  members: {},
  profile: { name: 'string' },
  rejections: { limit: 'number?' },
  invite: { role: 'string', expires: 'string?' },
  propose: {
    kind: 'string',
    text: 'string?',
    deadline: 'string?',
    all: 'boolean?',
    member: 'string?',
    role: 'string?',
    device: 'string?',
    name: 'string?',
    devices: 'string[]?',
    version: 'number?',
    rules: {
      optional: true,
      fields: {
        rate: 'string[]?',
        split: 'string?',
        moneyRate: 'string|number?',
        careWeight: 'string|number?',
        daterCredits: 'string?',
        needsEndorsement: 'string|boolean?',
        late: 'string?',
        period: 'string?',
        stages: 'string?',
        care: 'string[]?',
        quota: 'string[]?',
        quotaPeriod: 'string?',
        cap: 'string?',
        capExcess: 'string?',
        unit: 'string[]?',
        removeUnit: 'string[]?'
      }
    },
    month: 'string?',
    amount: 'string?',
    currency: 'string?',
    code: 'string?',
    federate: 'string?',
    value: 'number?',
    stage: 'number?',
    days: 'number?',
    hours: 'number?',
    addMirror: 'string?',
    removeMirror: 'string?',
    decision: 'string?',
    options: 'string[]?',
    budget: 'number?'
  },
  vote: { id: 'string', choice: 'string', reason: 'string?' },
  close: { id: 'string' },
  ballot: { id: 'string', choices: 'string[]', reason: 'string?' },
  object: { id: 'string', reason: 'string' },
  resolve: { id: 'string', outcome: 'string', note: 'string?' },
  decide: { id: 'string', outcome: 'string', reason: 'string?' },
  proposals: { open: 'boolean?' },
  endorse: { id: 'string' },
  income: { amount: 'string', currency: 'string', from: 'string', date: 'string?', message: 'string?', key: 'string?' },
  paid: { month: 'string', reference: 'string', date: 'string?' },
  statement: { month: 'string?' },
  credits: { month: 'string?', member: 'string?', lifetime: 'boolean?' },
  report: { ...PERIOD, by: 'string?' },
  export: { ...PERIOD, format: 'string' },
  rules: {},
  verify: {},
  federation: { removed: 'boolean?' },
  'federation-invite': {},
  'federation-evidence': { id: 'string' },
  checkin: { federate: 'string?' }
}
