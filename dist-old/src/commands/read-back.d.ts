import type { BeeReader } from 'hyperbee';
import type { DiscoNode } from '../node.js';
import type { EntryView } from './views.js';
/**
 * The entry an op just wrote or changed, as the view now has it. A local op is applied before
 * append resolves; if apply refused it anyway (the ledger changed under us), its rejection is
 * the error, so a command never reports success for an op that did not count.
 */
export declare function readBack(node: DiscoNode, opIdWritten: string, entryId?: string): Promise<EntryView>;
/** A local op is applied before append resolves; if apply refused it (the ledger changed under
 * us), its recorded rejection becomes the command's error. */
export declare function throwIfRejected(r: BeeReader, opIdWritten: string): Promise<void>;
