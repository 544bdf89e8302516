import type Hyperbee from 'hyperbee';
/**
 * Keep the view bee's cached tree nodes only if the view still holds the blocks they came from;
 * apply calls this before it reads the view, and `checkpointCachedNodes` once it has written.
 *
 * When autobase reorders the ledger it truncates the view and applies again. Hyperbee keys its
 * caches by block number and forgets stale entries only on a `truncate` event of its core, and the
 * session autobase gives the bee need not get one: it is a session of an atom batch on the view's
 * `batch` branch, and a truncation of the branch beneath it reaches it with no event, leaves it
 * reporting its old length, and lets it read the blocks written since at the same numbers
 * (test/reorg-cache.test.ts shows this on hypercore 11.37.1). Stale tree nodes read that way once
 * made a node that had reconnected after writing offline diverge from its peers (about one
 * reconnect in eight in a stressed run of the demo's scenario). The length cannot tell, as it
 * need not change; so apply used to drop the caches before every batch, at a cost to bulk import.
 *
 * Now the check is by content. Every cached entry was read by an apply of this bee (queries read
 * `base.view`, another bee) at a block number below the length L that apply left. If the view's
 * tree hash at L is still the one recorded then, blocks 0..L-1 are the same bytes (Merkle) and
 * every entry is still right; entries at L or past it are dropped (none are expected). Anything
 * else (no checkpoint, a shorter view, another core, a different hash, a block no longer stored
 * here, an error) drops the caches, as before. What apply computes never depends on the outcome,
 * only how much it reads from storage; this never throws and never waits for a peer.
 * Returns whether the caches were kept.
 */
export declare function validateCachedNodes(bee: Hyperbee): Promise<boolean>;
/**
 * Record what the view holds now that apply has flushed its writes. Without a checkpoint (a block
 * not stored here, an error) the next apply drops the caches.
 */
export declare function checkpointCachedNodes(bee: Hyperbee): Promise<void>;
/** Drop every cached entry of the view bee. */
export declare function forgetCachedNodes(bee: Hyperbee): void;
/**
 * Let a new read snapshot of the view start with the caches of the one before it
 * (DiscoNode.snapshot), so that the first query after the ledger changed reads from storage only
 * the tree nodes that changed (bench P5: the first page of entries after a change).
 *
 * The same hazard as in apply: autobase may have truncated the view and written other blocks at
 * the same numbers since (a reorder). So the caches pass on only when the new snapshot still holds,
 * byte for byte, every block the old one could read: its tree hash at the old snapshot's length is
 * the one the old snapshot has. Anything else, or any error, leaves the new snapshot with its own
 * empty caches. Never rejects.
 */
export declare function inheritCachedNodes(from: Hyperbee, to: Hyperbee): Promise<void>;
