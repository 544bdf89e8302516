import { DiscoError } from '../errors.js';
import { parseMoney } from '../ledger/currency.js';
import { parseDate, today } from '../ledger/dates.js';
import { checkMinutes, parseDuration } from '../ledger/duration.js';
import { parseCareTarget, parseStream } from '../ledger/streams.js';
function minutesOf(input) {
    if (input.duration !== undefined && input.minutes !== undefined) {
        throw DiscoError.invalidArgument('give a duration or minutes, not both');
    }
    if (input.duration !== undefined)
        return parseDuration(input.duration);
    if (input.minutes !== undefined) {
        checkMinutes(input.minutes);
        return input.minutes;
    }
    return undefined;
}
function moneyOf(input) {
    if (input.amount === undefined && input.currency === undefined)
        return undefined;
    if (input.amount === undefined)
        throw DiscoError.invalidArgument('--currency needs --amount');
    if (input.currency === undefined)
        throw DiscoError.invalidArgument('--amount needs --currency, e.g. --currency EUR');
    return parseMoney(input.amount, input.currency);
}
function tagsOf(tags) {
    return [...new Set(tags.map(t => t.trim()).filter(t => t !== ''))];
}
export function contributionOp(input) {
    const stream = parseStream(input.stream);
    const minutes = minutesOf(input);
    if (minutes === undefined)
        throw DiscoError.invalidArgument('a duration is required, e.g. 3h or 90m');
    const money = moneyOf(input) ?? null;
    const careFor = stream === 'care' ? parseCareTarget(input.for ?? 'collective') : null;
    if (stream !== 'care' && input.for !== undefined)
        throw DiscoError.invalidField('--for', 'for-only-care');
    return {
        type: 'contribution',
        stream,
        minutes,
        day: input.date === undefined ? today() : parseDate(input.date),
        description: (input.description ?? '').trim(),
        project: (input.project ?? '').trim(),
        tags: tagsOf(input.tags ?? []),
        client: (input.client ?? '').trim(),
        commons: (input.commons ?? '').trim(),
        careFor,
        money,
        key: (input.key ?? '').trim()
    };
}
/** Only the fields given; the merged entry is validated as a whole before anything is written. */
export function contributionPatch(input) {
    const patch = {};
    if (input.stream !== undefined)
        patch.stream = parseStream(input.stream);
    const minutes = minutesOf(input);
    if (minutes !== undefined)
        patch.minutes = minutes;
    if (input.date !== undefined)
        patch.day = parseDate(input.date);
    if (input.description !== undefined)
        patch.description = input.description.trim();
    if (input.project !== undefined)
        patch.project = input.project.trim();
    if (input.clearProject === true)
        patch.project = '';
    if (input.tags !== undefined)
        patch.tags = tagsOf(input.tags);
    if (input.clearTags === true)
        patch.tags = [];
    if (input.client !== undefined)
        patch.client = input.client.trim();
    if (input.commons !== undefined)
        patch.commons = input.commons.trim();
    if (input.for !== undefined)
        patch.careFor = parseCareTarget(input.for);
    const money = moneyOf(input);
    if (money !== undefined)
        patch.money = money;
    if (input.clearMoney === true) {
        if (money !== undefined)
            throw DiscoError.invalidArgument('give --amount or --no-money, not both');
        patch.money = null;
    }
    // Moving an entry to another stream drops what only the old stream has.
    if (patch.stream !== undefined) {
        if (patch.stream !== 'livelihood') {
            patch.money ??= null;
            patch.client ??= '';
        }
        if (patch.stream !== 'love')
            patch.commons ??= '';
        patch.careFor ??= patch.stream === 'care' ? 'collective' : null;
    }
    if (Object.keys(patch).length === 0)
        throw DiscoError.emptyAmend();
    return patch;
}
//# sourceMappingURL=contribution-input.js.map