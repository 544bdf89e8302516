import Hyperbee from 'hyperbee'
import { apply } from '../consensus/apply.js'

/**
 * What autobase is given to build the ledger's view: a hyperbee over the view core, and apply.
 * One place, so that the node and a rebuild of its view (view-rebuild.ts) build the same view.
 */
export const ledgerHandlers = {
  valueEncoding: 'binary' as const,
  open: (store: { get: (name: string) => unknown }) =>
    new Hyperbee(store.get('view') as ConstructorParameters<typeof Hyperbee>[0], { keyEncoding: 'utf-8', valueEncoding: 'binary', extension: false }),
  apply,
  close: async (view: Hyperbee) => { await view.close() }
}
