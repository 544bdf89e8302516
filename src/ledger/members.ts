import type { Role } from './roles.js'

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
}

export interface Device {
  member: string
  since: number
  /** the time of this device's latest frame: frames must not go back in time */
  lastTime: number
}

export interface Cooperative {
  name: string
  founder: string
  foundedAt: number
}
