export declare const FIXTURE_DIR: string;
/** A value with every byte string as `{ $hex }`, and no undefined fields: what the fixtures hold. */
export declare function toPlain(value: unknown): unknown;
/** The value a fixture's JSON stands for: `{ $hex }` back to bytes. */
export declare function fromPlain<T>(value: unknown): T;
export declare function readFixture<T>(name: string): Promise<T>;
export declare function writeFixture(name: string, value: unknown): Promise<void>;
