/** The options of the commands that go on the network (start, join): which DHT, and the address
 * to bind. src/service/network-config.ts turns them into NetworkOptions. */
export function networkFlags(cmd) {
    return cmd
        .option('--bootstrap <host:port,...>', 'DHT bootstrap nodes of a private network (default: config.json "bootstrap", else the public HyperDHT)')
        .option('--dht-host <address>', 'the address the DHT binds to (127.0.0.1 on a loopback testnet)');
}
//# sourceMappingURL=network-options.js.map