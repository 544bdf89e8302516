/** mulberry32: a small seeded PRNG, so that a fuzz or crash run replays exactly from its seed. */
export declare function prng(seed: number): () => number;
