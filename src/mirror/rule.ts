import type { BeeReader } from 'hyperbee'
import { getJson } from '../consensus/queries.js'
import { MIRRORS_KEY } from '../consensus/view-layout.js'

/** The cooperative's mirrors as the ledger names them (hex keys): set by passed `mirrors` proposals. */
export async function readMirrors (r: BeeReader): Promise<string[]> {
  return (await getJson<{ keys: string[] }>(r, MIRRORS_KEY))?.keys ?? []
}
