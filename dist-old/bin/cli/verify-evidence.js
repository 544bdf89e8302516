import { readFile } from 'node:fs/promises';
import { examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { DiscoError } from '../../src/errors.js';
export function register(program) {
    examples(program.command('verify-evidence')
        .description("check a federation dispute's evidence offline: exit 0 when it proves the federate signed two histories, 1 when it does not")
        .argument('<file>', 'the evidence (disco federation --evidence <id> -o <file>)')
        .action(async (file, _o, c) => {
        let text;
        try {
            text = await readFile(file, 'utf8');
        }
        catch (err) {
            throw DiscoError.fileUnreadable(file, err.message);
        }
        // no store and no node: the file carries everything the check needs
        const { verifyEvidenceText } = await import('../../src/commands/verify-evidence.js');
        const out = verifyEvidenceText(text);
        if (globals(c).json === true)
            return printJson(out);
        printLines([out.message]);
    }), ['disco verify-evidence evidence.json', 'disco verify-evidence evidence.json --json']);
}
//# sourceMappingURL=verify-evidence.js.map