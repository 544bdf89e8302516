import type { Scenario } from './harness.js';
export declare const RAW_MEMBER: string;
export declare const scenario: Scenario;
