/** What every page needs to know: who this node's member is, and the members' names. */
import type { Member } from '../../src/ledger/members.js'
import { get } from './api.js'

export interface Me { id: string, name: string, role: string }

export const state = {
  me: null as Me | null,
  members: [] as Member[],
  names: new Map<string, string>()
}

export async function loadMembers (): Promise<Member[]> {
  const { members } = await get('members')
  state.members = members
  state.names = new Map(members.map(m => [m.id, m.name]))
  return members
}

export const nameOf = (id: string): string => state.names.get(id) ?? id.slice(0, 8)
