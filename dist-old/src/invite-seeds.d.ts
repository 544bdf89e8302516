export declare function saveInviteSeed(storage: string, inviteId: Uint8Array, seed: Uint8Array): Promise<void>;
/** The seed of an invite this node made, or null (another node's invite, or one already answered). */
export declare function readInviteSeed(storage: string, inviteId: Uint8Array): Promise<Uint8Array | null>;
export declare function forgetInviteSeed(storage: string, inviteId: Uint8Array): Promise<void>;
/** The ids of the invites whose seeds this node keeps. */
export declare function keptInviteSeeds(storage: string): Promise<Uint8Array[]>;
