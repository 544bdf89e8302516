import type Autobase from 'autobase'
import type Corestore from 'corestore'
import type Hyperbee from 'hyperbee'
import { Network } from '../net/swarm.js'
import type { NetworkOptions } from '../net/swarm.js'
import { InviteResponder } from '../net/invites.js'
import type { InviteAnswer, InviteRequest } from '../net/invites.js'
import { MirrorLink } from '../mirror/link.js'

/**
 * A node's presence on the swarm, from `goOnline` to `goOffline`: it replicates the ledger with
 * its peers, answers invites (with `answer`, the invite desk) and asks the cooperative's mirrors
 * (`ledgerMirrors`, read from the view) to keep the ledger.
 */
export class OnTheSwarm {
  readonly network: Network
  readonly mirrorLink: MirrorLink
  /** resolves once the swarm has announced and looked up the ledger's topic */
  readonly joining: Promise<void>
  private readonly responder: InviteResponder

  constructor (opts: NetworkOptions, store: Corestore, base: Autobase<Hyperbee>, answer: (req: InviteRequest) => Promise<InviteAnswer>, ledgerMirrors: () => Promise<string[]>) {
    this.network = new Network(opts, conn => base.replicate(conn))
    this.responder = new InviteResponder(this.network.swarm, base.discoveryKey, answer)
    this.joining = this.network.join(base.discoveryKey)
    this.joining.catch(() => {})
    this.mirrorLink = new MirrorLink(this.network.swarm.dht, store, base, ledgerMirrors, opts.mirrors)
  }

  async leave (): Promise<void> {
    await this.responder.close()
    await this.mirrorLink.close()
    await this.network.destroy()
  }
}
