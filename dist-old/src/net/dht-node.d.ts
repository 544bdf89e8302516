/** A DHT bootstrap node (hyperdht's own `bootstrapper`): what the nodes of a network without the
 * public DHT, such as an offline LAN, start from. */
export declare function runBootstrapNode(opts: {
    host: string;
    port: number;
}): Promise<{
    port: number;
    close: () => Promise<void>;
}>;
