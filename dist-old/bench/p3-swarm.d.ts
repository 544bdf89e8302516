import type { BootstrapNode } from 'hyperdht';
import type { NetworkOptions } from '../src/net/swarm.js';
import type { Scenario } from './harness.js';
export declare function discoRun(dir: string, network: NetworkOptions, ops: number): Promise<{
    ms: number;
    peakMB: number;
}>;
export declare function rawRun(dir: string, bootstrap: BootstrapNode[], ops: number): Promise<number>;
export declare const scenario: Scenario;
