import type { Role } from './roles.js'
import type { InviteRole } from './ops.js'

/**
 * A member is not a key: a member has an id, a name and a role, and one or more devices (autobase
 * writer keys) that write for them. Balances, votes and "own entry" checks go by member.
 * The member id is the hex key of the device that first wrote for them.
 */
export interface Member {
  id: string
  name: string
  role: Role
  /** ledger time (the author's clock, ms) when they joined */
  since: number
  /** writer keys (hex) of their devices, in the order they were added */
  devices: string[]
  /** ledger time of their removal by proposal; removed participants' later ops do not count */
  removedAt?: number
  /** their onboarding stage, set by an `onboarding` proposal (absent until one passes; 0: none) */
  stage?: number
}

/**
 * How a participant is called: their name, or, for one admitted by invite who has not given a
 * name yet (the view stores '', never words), "newcomer" and the start of their id.
 */
export function memberLabel (id: string, name: string): string {
  return name !== '' ? name : `newcomer ${id.slice(0, 8)}`
}

/** A member as read: named (memberLabel). */
export function named<M extends { id: string, name: string }> (m: M): M {
  return m.name !== '' ? m : { ...m, name: memberLabel(m.id, m.name) }
}

/** How many active participants hold each role: what "more than half of the voters" counts. */
export type RoleCounts = Partial<Record<Role, number>>

export interface Device {
  member: string
  since: number
}

export interface Cooperative {
  name: string
  founder: string
  foundedAt: number
}

/** An invite as the ledger records it (keys hex). */
export interface Invite {
  id: string
  publicKey: string
  role: InviteRole
  expires: number
  /** the inviting member */
  by: string
  at: number
  /** the writer key it admitted, once used */
  usedBy: string | null
}
