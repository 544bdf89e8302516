/** The control socket's file name inside the storage folder. */
export declare const SOCKET_NAME = "disco.sock";
/**
 * The longest socket path used as is. `sun_path` holds 108 bytes on Linux and 104 on macOS, the
 * terminating NUL included: 103 fits both.
 */
export declare const MAX_SOCKET_PATH = 103;
export interface SocketLocation {
    /** where the running node listens */
    path: string;
    /** the private folder in the temp dir that holds it, when the storage path is too long; else null */
    fallbackDir: string | null;
}
/**
 * Where a storage folder's control socket is: `<storage>/disco.sock`, or — when that path is too
 * long for a Unix socket — `<tmpdir>/disco-<hash of the storage path>/disco.sock`. The node and
 * every CLI call compute it with this one function, from the storage folder's real path, so that
 * `--storage ./x` and `--storage /abs/x` (or a symlink to it) find the same socket.
 */
export declare function socketLocation(storage: string): Promise<SocketLocation>;
/**
 * For the node, before it listens: make the fallback folder private to this user (a folder of that
 * name that someone else owns, or that is not a folder, is refused), and check the path fits.
 */
export declare function prepareSocketDir(loc: SocketLocation): Promise<void>;
/**
 * For a CLI call, before it connects: is there a socket of a node to talk to? A socket (and, in
 * the temp dir, its folder) must belong to this user or to the storage folder's owner — the owner of
 * the data the call is about — and the fallback folder must be closed to others. Anything else is
 * not talked to (another local user could have put it there) and counts as no node: our own node
 * would have refused to listen there (prepareSocketDir).
 */
export declare function socketPresent(loc: SocketLocation, storage: string): Promise<boolean>;
