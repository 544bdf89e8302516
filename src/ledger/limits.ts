/**
 * Size limits of ops and their fields, in UTF-8 bytes. They are part of the protocol: every node
 * rejects an op over them in apply, so that one member cannot fill every other member's disk.
 * Changing one means a new protocol version.
 */
export const LIMITS = {
  coopName: 100,
  memberName: 100,
  description: 1000,
  project: 100,
  tag: 40,
  tags: 16,
  key: 128,
  client: 100,
  commons: 100,
  reason: 1000,
  proposalText: 2000,
  reference: 200,
  indexers: 16,
  /** a cooperative's mirrors (each keeps a whole copy of the ciphertext) */
  mirrors: 8,
  /** a federate's name, and a contribution's `forCoop` (a federate id, 64 hex) */
  federateName: 100,
  /** a federate core's encoded manifest and a (multi)signature over its tree: room for 16 signers */
  manifest: 2048,
  signature: 2048,
  /** merkle nodes in a dispute's proof (a tree of 2^64 blocks has at most 64 roots) */
  treeNodes: 128,
  /** a poll's options (a ballot has at most one number per option), and the text of one */
  pollOptions: 12,
  pollOption: 200
} as const

/** One entry's duration: at most a 31-day month of 24-hour days. */
export const MAX_MINUTES = 31 * 24 * 60
/** The largest amount of money in minor units (10^15: a trillion euros, well inside 2^53). */
export const MAX_MONEY_MINOR = 1_000_000_000_000_000
/** At most a billion units of output in one entry (a billion words): far inside 2^53 times any rate. */
export const MAX_OUTPUT_QUANTITY = 1_000_000_000
/** Ops packed into one autobase block, and the block's size. */
export const MAX_OPS_PER_FRAME = 1024
export const MAX_FRAME_BYTES = 512 * 1024
/** Rejections stored per writer; beyond this only a count is kept. */
export const MAX_STORED_REJECTIONS = 1000
/** Work dates accepted: 2000-01-01 … 2099-12-31 (as days since 1970-01-01). */
export const MIN_DAY = 10957
export const MAX_DAY = 47481
