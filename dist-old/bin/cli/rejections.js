import { examples, globals, positiveInt } from './options.js';
import { printJson, printLines, table, truncate } from './output.js';
import { runCommand } from './node-action.js';
export function register(program) {
    examples(program.command('rejections')
        .description('ops the ledger refused, and why (nothing disappears unexplained)')
        .option('--limit <n>', 'at most n', positiveInt('--limit'))
        .action(async (o, c) => {
        const out = await runCommand(c, 'rejections', o);
        if (globals(c).json === true)
            return printJson(out);
        if (out.rejections.length === 0)
            return printLines(['no rejected ops']);
        printLines([
            ...table(['OP', 'TYPE', 'CODE', 'REASON'], out.rejections.map(r => [
                `${r.writer.slice(0, 8)}-${r.seq}${r.index === 'frame' ? '' : `-${r.index}`}`, r.type ?? 'block', r.code, truncate(r.message, 70)
            ])),
            ...(out.count.total > out.count.stored ? [`(${out.count.total - out.count.stored} more not stored: the per-writer cap was reached)`] : [])
        ]);
    }), ['disco rejections']);
}
//# sourceMappingURL=rejections.js.map