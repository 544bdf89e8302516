import type { Scenario } from './harness.js';
export declare const scenario: Scenario;
