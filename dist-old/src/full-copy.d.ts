import type Autobase from 'autobase';
import type Hyperbee from 'hyperbee';
/**
 * Every node keeps a full copy of the cooperative's ledger (docs/DESIGN.md, "A full copy on every node"): the view, the system core
 * and every writer's log. A node that fast-forwarded holds only the blocks autobase read to get
 * there, so this downloads the rest in the background: then it answers queries, invites and
 * `disco verify` offline, and can hand any member's log to a peer that lost its own.
 */
export declare class FullCopy {
    private readonly base;
    /** every download started, and the listing of the writers: what `filled` waits for */
    private pending;
    private readonly writers;
    private closed;
    constructor(base: Autobase<Hyperbee>);
    /** the cores that hold the ledger's state: the view and the system core */
    private get stateCores();
    /** Whether this node holds every block of the view and the system core, not only those it read. */
    get holdsWholeState(): boolean;
    /** Download what is missing (again after each fast-forward: the view and system core change). */
    fill(): void;
    /** Resolves once every download started so far is done (or ended by a close). */
    filled(): Promise<void>;
    close(): Promise<void>;
    /** The writers are the devices the view names (a removed one's log still counts for what it wrote). */
    private fillWriters;
    private download;
}
