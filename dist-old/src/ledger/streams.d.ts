/** The three kinds of value a DisCO tracks. The order is the wire tag: never reorder. */
export declare const STREAMS: readonly ["livelihood", "love", "care"];
export type Stream = typeof STREAMS[number];
/** Whom care work was for. The order is the wire tag (0 means "not care work"). */
export declare const CARE_TARGETS: readonly ["collective", "person"];
export type CareTarget = typeof CARE_TARGETS[number];
export declare function isStream(value: unknown): value is Stream;
export declare function parseStream(text: string): Stream;
export declare function isCareTarget(value: unknown): value is CareTarget;
export declare function parseCareTarget(text: string): CareTarget;
