export interface OpFixture {
    name: string;
    op: unknown;
    frameHex: string;
}
export interface FrameFixture {
    name: string;
    frame: unknown;
    hex: string;
}
export interface LedgerFixture {
    protocolVersion: number;
    seed: number;
    blocks: Array<{
        writer: string;
        length: number;
        value: string;
    }>;
    view: {
        digest: string;
        keys: number;
        contentHash: string;
    };
}
/** An op's fixture: the frame it sits alone in (version, time 0, count 1, then the op). */
export declare const OP_FRAME_TIME = 0;
