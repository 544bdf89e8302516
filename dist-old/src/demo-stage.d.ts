import type { DiscoNode } from './node.js';
import type { NetworkOptions } from './net/swarm.js';
/**
 * What a demo runs on: a DHT of its own on 127.0.0.1 (no other network) and a folder for its nodes'
 * storage, temporary unless the member asked to keep it. `close` closes every node the demo
 * tracked, then the DHT, then removes the temporary folder, so that nothing is left running
 * or behind, whatever happened in between.
 */
export declare class DemoStage {
    readonly folder: string;
    private readonly keep;
    private readonly dht;
    readonly network: NetworkOptions;
    private readonly nodes;
    private constructor();
    static open(name: string, keep?: string): Promise<DemoStage>;
    /** a node's storage folder */
    at(name: string): string;
    /** close this node with the stage */
    track(node: DiscoNode): DiscoNode;
    close(): Promise<void>;
}
