/** A DHT node to bootstrap from: `host:port`. */
export interface BootstrapPeer {
    host: string;
    port: number;
}
/** `--bootstrap host:port[,host:port…]` for a private network (e.g. `disco dht` on a LAN). */
export declare function parseBootstrap(text: string): BootstrapPeer[];
export declare function formatBootstrap(peers: BootstrapPeer[]): string;
