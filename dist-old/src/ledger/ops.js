/** The highest protocol version this node understands. Ops above the cooperative's active
 * version are rejected; a ledger whose active version is above this one stops this node. */
export const PROTOCOL_VERSION = 1;
/** What an invite admits: a new participant with a role that an invite alone may grant, or
 * another device of the inviting member. */
export const INVITE_ROLES = ['contributor', 'dater', 'device'];
/** The patchable fields, in wire order (bit i of an amend's mask). Never reorder. */
export const PATCH_FIELDS = [
    'stream', 'minutes', 'day', 'description', 'project', 'tags', 'client', 'commons', 'careFor', 'money'
];
//# sourceMappingURL=ops.js.map