export declare function summarise(file: string, top?: number): Promise<string>;
