import type { NetworkOptions } from '../net/swarm.js';
export interface NetworkFlags {
    /** `host:port[,…]` from --bootstrap */
    bootstrap?: string;
    /** the address the DHT binds to, from --dht-host */
    dhtHost?: string;
}
/**
 * The network a node of this storage folder joins: --bootstrap when given, else the folder's
 * config.json "bootstrap", else the public HyperDHT; --dht-host picks the bind address
 * (127.0.0.1 on a loopback testnet).
 */
export declare function networkOptions(storage: string, flags: NetworkFlags): Promise<NetworkOptions>;
/** The network the flags alone name: for `disco join`, whose folder has no config yet. */
export declare function networkFromFlags(flags: NetworkFlags): NetworkOptions;
export declare function parseHost(text: string): string;
