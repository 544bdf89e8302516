import type { Command } from 'commander';
/** The options of the commands that go on the network (start, join): which DHT, and the address
 * to bind. src/service/network-config.ts turns them into NetworkOptions. */
export declare function networkFlags(cmd: Command): Command;
