import type { DiscoNode } from '../node.js';
import type { SocketLocation } from './socket-path.js';
/**
 * The running node's control socket: other `disco` commands reach the node's handlers through it
 * while `disco start` holds the store. Owner-only (the storage folder is 0700, the socket 0600).
 *
 * Call `listen` only while holding the store (after DiscoNode.open succeeded): a socket file found
 * then is a leftover of a node that died, and is replaced. `close` stops accepting connections,
 * answers new requests with STOPPING, lets the commands under way finish, and removes the socket.
 */
export declare class ControlServer {
    private readonly node;
    readonly location: SocketLocation;
    private readonly server;
    private readonly sockets;
    private readonly inflight;
    private stopping;
    private listening;
    constructor(node: DiscoNode, location: SocketLocation);
    get busy(): number;
    listen(): Promise<void>;
    close(): Promise<void>;
    private accept;
    private send;
    private onLine;
    private handle;
}
