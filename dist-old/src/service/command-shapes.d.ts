import type { Commands, CommandName } from './handlers.js';
import type { InputShape } from './input-shape.js';
/**
 * What each command's input takes, as JSON: checked by `dispatch` before its handler runs, so a
 * type-confused request from the control socket or the dashboard's API is an INVALID_FIELD error
 * naming the field, never a handler tripping over it. Typed against `Commands`: a field added to a
 * command's input does not compile until it is listed here ('?' marks an optional field).
 */
type Shapes = {
    [K in CommandName]: InputShape<Commands[K]['input']>;
};
export declare const COMMAND_SHAPES: Shapes;
export {};
