import { currencyIn } from './values.js';
import { summaryReport, withTask } from './source.js';
/**
 * Harvest's detailed time report CSV (Reports → Time → Detailed report → Export → CSV): Date,
 * Client, Project, Project Code, Task, Notes, Hours, Hours Rounded, Billable?, Invoiced?,
 * Approved?, First Name, Last Name, Roles, Employee?, Billable Rate, Billable Amount, Cost Rate,
 * Cost Amount, Currency ("Euro - EUR", or the bare code), External Reference URL. No times of day:
 * the hours are decimal ("1.5"), or H:MM under that time format. "Hours" is read, not "Hours
 * Rounded": the work done, not what the invoice rounds it to.
 */
export const harvest = {
    id: 'harvest',
    tool: 'Harvest',
    keyPrefix: 'harvest:',
    layout(header) {
        if (!header.has('hours') && !header.has('billable hours'))
            return null;
        if (!header.has('date')) {
            throw summaryReport('Harvest', 'In Harvest open Reports → Time, choose "Detailed report", then Export → CSV, and import that file.');
        }
        if (!header.has('first name') && !header.has('last name'))
            return null;
        const need = (name) => header.need('Harvest', 'detailed time report', name);
        const date = need('Date');
        const hours = need('Hours');
        const first = header.optional('first name');
        const last = header.optional('last name');
        const client = header.optional('client');
        const project = header.optional('project');
        const code = header.optional('project code');
        const task = header.optional('task');
        const notes = header.optional('notes');
        const amount = header.optional('billable amount');
        const currency = header.optional('currency');
        const url = header.optional('external reference url');
        const name = (r) => [first(r), last(r)].filter(s => s !== '').join(' ');
        return {
            report: 'detailed time report',
            notes: ['durations from "Hours" (not "Hours Rounded")'],
            personColumn: 'First Name/Last Name',
            read: r => ({
                person: name(r),
                email: '',
                date: date(r),
                hours: hours(r),
                description: withTask(notes(r), task(r)),
                project: project(r),
                client: client(r),
                tags: '',
                amount: amount(r),
                currency: currencyIn(currency(r)),
                identity: [name(r).toLowerCase(), date(r), hours(r), notes(r), task(r), project(r), code(r), client(r), url(r)]
            })
        };
    }
};
//# sourceMappingURL=harvest.js.map