import { summaryReport, withTask } from './source.js';
/**
 * Clockify's "detailed report" CSV (Reports → Detailed → Export → Save as CSV): one row per time
 * entry, with Project, Client, Description, Task, User, Group, Email, Tags, Billable, Start Date,
 * Start Time, End Date, End Time, Duration (h), Duration (decimal), Billable Rate (XXX) and
 * Billable Amount (XXX), the currency in the column's name. A team's export holds every
 * colleague's rows. Dates and decimals follow the exporting user's settings.
 */
export const clockify = {
    id: 'clockify',
    tool: 'Clockify',
    keyPrefix: 'clockify:',
    layout(header) {
        if (header.has('time (h)') || header.has('time (decimal)')) {
            if (!header.has('start date')) {
                throw summaryReport('Clockify', 'In Clockify open Reports → Detailed, then Export → Save as CSV, and import that file.');
            }
        }
        // Toggl and Harvest have looked at the file first: the rest with a start date or Clockify's
        // duration columns is Clockify's, and a missing column is named.
        if (!header.has('start date') && !header.has('duration (h)') && !header.has('duration (decimal)'))
            return null;
        const need = (name) => header.need('Clockify', 'detailed report', name);
        const user = need('User');
        const startDate = need('Start Date');
        const durationH = header.column('duration (h)');
        const durationDecimal = header.column('duration (decimal)');
        if (durationH === null && durationDecimal === null)
            header.need('Clockify', 'detailed report', 'Duration (h)', 'Duration (decimal)');
        const hours = durationH ?? durationDecimal;
        const email = header.optional('email');
        const project = header.optional('project');
        const client = header.optional('client');
        const description = header.optional('description');
        const task = header.optional('task');
        const tags = header.optional('tags');
        const startTime = header.optional('start time');
        const endDate = header.optional('end date');
        const endTime = header.optional('end time');
        // The amount column carries its currency in its name: "Billable Amount (USD)".
        const amountAt = header.find(n => /^(?:billable )?amount \([a-z]{3}\)$/.test(n));
        const currency = amountAt === -1 ? null : header.raw[amountAt].trim().slice(-4, -1).toUpperCase();
        return {
            report: 'detailed report',
            notes: [`durations from "${durationH !== null ? 'Duration (h)' : 'Duration (decimal)'}"`, ...(currency !== null ? [`amounts in ${currency}`] : [])],
            personColumn: 'User',
            read: r => ({
                person: user(r),
                email: email(r),
                date: startDate(r),
                hours: hours?.(r) ?? '',
                description: withTask(description(r), task(r)),
                project: project(r),
                client: client(r),
                tags: tags(r),
                amount: amountAt === -1 ? '' : (r[amountAt] ?? '').trim(),
                currency,
                // exactly these cells in this order: changing them would re-import every earlier import
                identity: [
                    user(r).toLowerCase(), startDate(r), startTime(r), endDate(r), endTime(r),
                    durationH?.(r) ?? '', durationDecimal?.(r) ?? '', description(r), task(r), project(r), client(r), tags(r)
                ]
            })
        };
    }
};
//# sourceMappingURL=clockify.js.map