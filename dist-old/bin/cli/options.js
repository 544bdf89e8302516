import { DiscoError } from '../../src/errors.js';
export function globals(cmd) {
    return cmd.optsWithGlobals();
}
export function collect(value, previous = []) {
    return [...previous, value];
}
export function positiveInt(flag) {
    return (value) => {
        if (!/^\d{1,9}$/.test(value) || Number(value) < 1)
            throw DiscoError.invalidArgument(`${flag} must be a whole number of 1 or more, not "${value}"`);
        return Number(value);
    };
}
/** Examples printed under a command's --help. */
export function examples(cmd, lines) {
    return cmd.addHelpText('after', '\nExamples:\n' + lines.map(l => `  $ ${l}`).join('\n'));
}
//# sourceMappingURL=options.js.map