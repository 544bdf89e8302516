export interface StaticFile {
    body: Buffer;
    type: string;
}
/** The folder holding web/index.html, looked for upwards from this file. */
export declare function webRoot(): string;
export declare class StaticFiles {
    private readonly root;
    private readonly vendor;
    private readonly cache;
    constructor(root?: string);
    /** The file for a URL path, or null: only files directly in the folder (no `..`, no subfolders). */
    get(urlPath: string): Promise<StaticFile | null>;
}
