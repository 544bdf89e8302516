/**
 * The JSON shape of a command's input, checked where a request enters (src/service/handlers.ts
 * `dispatch`, which the CLI, the control socket and the dashboard's API all call): a number where
 * text goes, an array where an object goes, a field the command does not take or a required one
 * missing is an INVALID_FIELD error naming the field, before any handler runs. The handlers then
 * check what the values mean (a duration, a month) in their own words.
 *
 * `InputShape<T>` is derived from the command's input type, so a field added to a command's input
 * type does not compile until its shape says what it takes.
 */
type Scalar<V> = [
    V
] extends [string] ? 'string' : [V] extends [number] ? 'number' : [V] extends [boolean] ? 'boolean' : [V] extends [string[]] ? 'string[]' : [V] extends [string | number] ? 'string|number' : [V] extends [string | boolean] ? 'string|boolean' : never;
type IsOptional<T, F extends keyof T> = Record<string, never> extends Pick<T, F> ? true : false;
/** An object inside the input (a rules proposal's changes): its own shape. */
export interface NestedShape<V> {
    fields: InputShape<V>;
    optional: boolean;
}
type FieldShape<V, Optional> = [Scalar<V>] extends [never] ? NestedShape<V> : Optional extends true ? `${Scalar<V>}?` : Scalar<V>;
export type InputShape<T> = {
    [F in keyof T]-?: FieldShape<NonNullable<T[F]>, IsOptional<T, F>>;
};
/** Longest text any field takes: the ledger's own limits are far lower (src/ledger/limits.ts) and
 * are checked with the handler's words; this only keeps a huge value from going further. */
export declare const MAX_TEXT_BYTES: number;
/** Most items a list field (tags, users, devices, rates) takes. */
export declare const MAX_LIST = 1024;
/** Throws INVALID_FIELD (an input error: exit 2, HTTP 400) unless `input` has the shape. */
export declare function checkInput<T>(input: unknown, shape: InputShape<T>): asserts input is T;
export {};
