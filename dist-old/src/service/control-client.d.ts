import net from 'node:net';
/**
 * The CLI's side of the control socket. `connectControl` finds the running node of a storage
 * folder (null when none runs: no socket, or a socket left by a node that is gone); `request`
 * sends one command and resolves to its result, or rejects with the same error the handler threw.
 */
export declare function connectControl(storage: string): Promise<net.Socket | null>;
/**
 * After STORE_BUSY with no socket: a node may be between taking the store's lock and listening.
 * Wait for its socket (woken by changes in the socket's folder, re-checked at least every 100 ms)
 * until `timeoutMs`; null if none answered by then.
 */
export declare function waitForControl(storage: string, timeoutMs: number): Promise<net.Socket | null>;
/** Send one command on a connected control socket; the socket is closed after the answer. */
export declare function request<T>(socket: net.Socket, command: string, input: unknown, onProgress?: (value: unknown) => void): Promise<T>;
