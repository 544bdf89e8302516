import { collect, examples, globals } from './options.js';
import { printJson, printLines } from './output.js';
import { runCommand } from './node-action.js';
import { entryLine } from './format.js';
/** The entry fields a timer carries (as disco log takes them, but no date: it is the start's day). */
function timerFieldOptions(cmd) {
    return cmd
        .option('-m, --message <text>', 'what you are doing')
        .option('--project <name>', 'the project it is for')
        .option('--tag <tag>', 'a tag (repeat for more)', collect)
        .option('--client <name>', 'livelihood: the client')
        .option('--commons <name>', 'love: the commons it feeds')
        .option('--for <whom>', 'care: collective (default) or person');
}
function fieldsOf(stream, o) {
    const f = {};
    if (stream !== undefined)
        f.stream = stream;
    if (o.message !== undefined)
        f.description = o.message;
    if (o.project !== undefined)
        f.project = o.project;
    if (o.tag !== undefined)
        f.tags = o.tag;
    if (o.client !== undefined)
        f.client = o.client;
    if (o.commons !== undefined)
        f.commons = o.commons;
    if (o.for !== undefined)
        f.for = o.for;
    return f;
}
function elapsed(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
function statusLine(out) {
    if (!out.running)
        return 'no timer running';
    const f = out.fields ?? {};
    return `timer running: ${f.stream ?? '(stream to give at the stop)'}, ${elapsed(out.seconds ?? 0)} since ${out.started ?? '?'}` +
        `${f.description !== undefined ? `  "${f.description}"` : ''}`;
}
export function register(program) {
    const timer = program.command('timer')
        .description('time work as you do it: start, stop (logs the entry), status, cancel; one at a time, and it survives a restart');
    const start = timer.command('start')
        .description('start the timer (refused while one runs); give the stream now or at the stop')
        .argument('[stream]', 'livelihood, love or care');
    examples(timerFieldOptions(start).action(async (stream, o, c) => {
        const out = await runCommand(c, 'timer-start', fieldsOf(stream, o));
        if (globals(c).json === true)
            return printJson(out);
        printLines([statusLine(out)]);
    }), ['disco timer start love -m "translating the zine" --project zine', 'disco timer start']);
    const stop = timer.command('stop')
        .description('stop the timer and log the entry: the time rounded to the nearest minute (30 s up), dated the day it started')
        .argument('[stream]', 'the stream, if the timer was started without one (or to change it)');
    examples(timerFieldOptions(stop).action(async (stream, o, c) => {
        const out = await runCommand(c, 'timer-stop', fieldsOf(stream, o));
        if (globals(c).json === true)
            return printJson(out);
        printLines([out.logged === null
                ? `timer stopped after ${elapsed(out.seconds)}: under half a minute, nothing logged`
                : `${out.logged.duplicate ? 'already logged' : 'logged'}: ${entryLine(out.logged.entry)}`]);
    }), ['disco timer stop', 'disco timer stop care --for person -m "listened to Jo"']);
    examples(timer.command('status')
        .description('whether a timer runs, since when, and for what')
        .action(async (_o, c) => {
        const out = await runCommand(c, 'timer-status', {});
        if (globals(c).json === true)
            return printJson(out);
        printLines([statusLine(out)]);
    }), ['disco timer status', 'disco timer status --json']);
    examples(timer.command('cancel')
        .description('drop the running timer without logging anything')
        .action(async (_o, c) => {
        const out = await runCommand(c, 'timer-cancel', {});
        if (globals(c).json === true)
            return printJson(out);
        printLines([out.started === undefined ? 'no timer was running' : `timer dropped (it ran ${elapsed(out.seconds ?? 0)}); nothing logged`]);
    }), ['disco timer cancel']);
    examples(timer, ['disco timer start love -m "zine layout"', 'disco timer status', 'disco timer stop']);
}
//# sourceMappingURL=timer.js.map