import b4a from 'b4a'
import os from 'node:os'
import { DiscoNode } from '../node/node.js'
import { storageOf } from './session.js'
import type { CommandOptions } from './session.js'

export interface InitInput extends CommandOptions {
  /** the cooperative's name */
  name: string
  /** the founder's display name; defaults to this computer's user name */
  me?: string
}

export interface InitOutput {
  storage: string
  ledger: string
  cooperative: string
  member: { id: string, name: string, role: 'member' }
}

/** Found a cooperative's ledger: this device becomes its first member's first device and indexer. */
export async function init (input: InitInput): Promise<InitOutput> {
  const storage = storageOf(input)
  const memberName = input.me ?? os.userInfo().username
  const node = await DiscoNode.create({ storage, coopName: input.name.trim(), memberName: memberName.trim() })
  try {
    const id = b4a.toString(node.localKey, 'hex')
    return {
      storage,
      ledger: b4a.toString(node.key, 'hex'),
      cooperative: input.name.trim(),
      member: { id, name: memberName.trim(), role: 'member' }
    }
  } finally {
    await node.close()
  }
}
