import { DEFAULT_DELIBERATION_HOURS } from '../ledger/ledger-time.js'
import { GOVERNANCE_RULES_KEY } from './view-layout.js'
import type { ViewTx } from './view-tx.js'

/** The minimum deliberation in force, as the view keeps it: set by a passed `deliberation` proposal. */
export interface DeliberationRecord {
  hours: number
  /** the proposal that set it (null for the default) */
  proposal: string | null
  /** the ledger time it took effect (0 for the default) */
  since: number
}

export const DEFAULT_DELIBERATION: DeliberationRecord = { hours: DEFAULT_DELIBERATION_HOURS, proposal: null, since: 0 }

export async function currentDeliberation (tx: ViewTx): Promise<DeliberationRecord> {
  return await tx.get<DeliberationRecord>(GOVERNANCE_RULES_KEY) ?? DEFAULT_DELIBERATION
}
