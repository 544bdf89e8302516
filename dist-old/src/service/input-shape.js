import { DiscoError } from '../errors.js';
/** Longest text any field takes: the ledger's own limits are far lower (src/ledger/limits.ts) and
 * are checked with the handler's words; this only keeps a huge value from going further. */
export const MAX_TEXT_BYTES = 64 * 1024;
/** Most items a list field (tags, users, devices, rates) takes. */
export const MAX_LIST = 1024;
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'string')
        return 'text';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
function checkText(path, value) {
    if (typeof value !== 'string')
        throw DiscoError.invalidField(path, 'wrong-type', { expected: 'text', value: kindOf(value) });
    if (value.length > MAX_TEXT_BYTES || Buffer.byteLength(value, 'utf8') > MAX_TEXT_BYTES) {
        throw DiscoError.invalidField(path, 'text-too-long', { max: MAX_TEXT_BYTES });
    }
}
function checkScalar(path, kind, value) {
    switch (kind) {
        case 'string':
            return checkText(path, value);
        case 'number':
            if (typeof value !== 'number')
                throw DiscoError.invalidField(path, 'wrong-type', { expected: 'a number', value: kindOf(value) });
            if (!Number.isFinite(value))
                throw DiscoError.invalidField(path, 'not-finite');
            return;
        case 'boolean':
            if (typeof value !== 'boolean')
                throw DiscoError.invalidField(path, 'wrong-type', { expected: 'true or false', value: kindOf(value) });
            return;
        case 'string[]':
            if (!Array.isArray(value))
                throw DiscoError.invalidField(path, 'wrong-type', { expected: 'a list of text', value: kindOf(value) });
            if (value.length > MAX_LIST)
                throw DiscoError.invalidField(path, 'list-too-long', { max: MAX_LIST });
            value.forEach((item, i) => checkText(`${path}[${i}]`, item));
            return;
        case 'string|number':
            if (typeof value === 'number')
                return checkScalar(path, 'number', value);
            if (typeof value !== 'string')
                throw DiscoError.invalidField(path, 'wrong-type', { expected: 'text or a number', value: kindOf(value) });
            return checkText(path, value);
        case 'string|boolean':
            if (typeof value === 'boolean')
                return;
            if (typeof value !== 'string')
                throw DiscoError.invalidField(path, 'wrong-type', { expected: 'text or true/false', value: kindOf(value) });
            return checkText(path, value);
    }
    throw new Error(`unknown field kind ${kind}`); // a mistake in a shape table, not in the input
}
function checkObject(path, value, fields) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw DiscoError.invalidField(path, 'wrong-type', { expected: 'a JSON object', value: kindOf(value) });
    }
    const input = value;
    const at = (name) => path === 'input' ? name : `${path}.${name}`;
    for (const name of Object.keys(input)) {
        // a field given as undefined is a field not given (the CLI builds inputs that way)
        if (input[name] === undefined)
            continue;
        if (!Object.hasOwn(fields, name))
            throw DiscoError.invalidField(at(name), 'unknown-field');
    }
    for (const [name, field] of Object.entries(fields)) {
        const given = Object.hasOwn(input, name) ? input[name] : undefined;
        const optional = typeof field === 'string' ? field.endsWith('?') : field.optional;
        if (given === undefined) {
            if (!optional)
                throw DiscoError.invalidField(at(name), 'required');
            continue;
        }
        if (typeof field === 'string')
            checkScalar(at(name), optional ? field.slice(0, -1) : field, given);
        else
            checkObject(at(name), given, field.fields);
    }
}
/** Throws INVALID_FIELD (an input error: exit 2, HTTP 400) unless `input` has the shape. */
export function checkInput(input, shape) {
    checkObject('input', input, shape);
}
//# sourceMappingURL=input-shape.js.map