import { summaryReport, withTask } from './source.js';
/**
 * Toggl Track's detailed report CSV (Reports → Detailed → Export → Download as CSV): User, Email,
 * Client, Project, Task, Description, Billable, Start date, Start time, End date, End time,
 * Duration (H:MM:SS, or decimal hours under that duration setting), Tags, Amount (XXX) — "Amount ()"
 * when no rate is set. Newer exports name the person "Member" and the end "Stop date"/"Stop time":
 * both are read. A workspace export holds every member's rows.
 */
export const toggl = {
    id: 'toggl',
    tool: 'Toggl Track',
    keyPrefix: 'toggl:',
    layout(header) {
        if (!header.has('duration'))
            return null;
        if (!header.has('start date')) {
            if (['project', 'client', 'user', 'member', 'description', 'title'].some(n => header.has(n))) {
                throw summaryReport('Toggl Track', 'In Toggl Track open Reports → Detailed, then Export → Download as CSV, and import that file.');
            }
            return null;
        }
        const person = header.need('Toggl Track', 'detailed report', 'User', 'Member');
        const startDate = header.need('Toggl Track', 'detailed report', 'Start date');
        const duration = header.need('Toggl Track', 'detailed report', 'Duration');
        const email = header.optional('email');
        const client = header.optional('client');
        const project = header.optional('project');
        const task = header.optional('task');
        const description = header.optional('description');
        const startTime = header.optional('start time');
        const endDate = header.optional('end date', 'stop date');
        const endTime = header.optional('end time', 'stop time');
        const tags = header.optional('tags');
        const amountAt = header.find(n => /^(?:billable )?amount \(([a-z]{3})?\)$/.test(n));
        const named = amountAt === -1 ? null : /\(([A-Za-z]{3})\)$/.exec(header.raw[amountAt].trim());
        const currency = named === null ? null : named[1].toUpperCase();
        return {
            report: 'detailed report',
            notes: [currency !== null ? `amounts in ${currency}` : 'no amounts (no currency in the file)'],
            personColumn: header.has('user') ? 'User' : 'Member',
            read: r => ({
                person: person(r),
                email: email(r),
                date: startDate(r),
                hours: duration(r),
                description: withTask(description(r), task(r)),
                project: project(r),
                client: client(r),
                tags: tags(r),
                amount: currency === null ? '' : (r[amountAt] ?? '').trim(),
                currency,
                identity: [
                    person(r).toLowerCase(), email(r).toLowerCase(), startDate(r), startTime(r), endDate(r), endTime(r),
                    duration(r), description(r), task(r), project(r), client(r), tags(r)
                ]
            })
        };
    }
};
//# sourceMappingURL=toggl.js.map