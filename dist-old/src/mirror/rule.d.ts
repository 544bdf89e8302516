import type { BeeReader } from 'hyperbee';
/** The cooperative's mirrors as the ledger names them (hex keys): set by passed `mirrors` proposals. */
export declare function readMirrors(r: BeeReader): Promise<string[]>;
