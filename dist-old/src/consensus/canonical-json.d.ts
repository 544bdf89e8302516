/**
 * View values are JSON with object keys sorted, so that the same logical value has the same
 * bytes whatever order its fields were set in: the digest hashes bytes.
 */
export declare function canonicalBytes(value: unknown): Uint8Array;
export declare function parseJson<T>(bytes: Uint8Array): T;
