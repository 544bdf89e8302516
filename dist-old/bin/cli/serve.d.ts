import type { Command } from 'commander';
import type { DashboardOptions } from '../../src/web/server.js';
export interface ServeFlags {
    port?: string;
    host?: string;
}
/** --port and --host of the dashboard (disco serve, disco start --serve). */
export declare function serveFlags(cmd: Command): Command;
export declare function dashboardOptions(o: ServeFlags): DashboardOptions;
export declare function register(program: Command): void;
