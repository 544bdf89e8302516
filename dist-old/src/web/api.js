import { DiscoError } from '../errors.js';
const PERIOD = { month: 'string', from: 'string', to: 'string' };
export const ROUTES = {
    '/api/status': { method: 'GET', command: 'status', query: {} },
    '/api/members': { method: 'GET', command: 'members', query: {} },
    '/api/rules': { method: 'GET', command: 'rules', query: {} },
    '/api/report': { method: 'GET', command: 'report', query: { ...PERIOD, by: 'string' } },
    '/api/entries': { method: 'GET', command: 'entries', query: { member: 'string', stream: 'string', month: 'string', project: 'string', limit: 'number', unendorsed: 'flag' } },
    '/api/balance': { method: 'GET', command: 'balance', query: { member: 'string', month: 'string' } },
    '/api/credits': { method: 'GET', command: 'credits', query: { member: 'string', month: 'string', lifetime: 'flag' } },
    '/api/statement': { method: 'GET', command: 'statement', query: { month: 'string' } },
    '/api/proposals': { method: 'GET', command: 'proposals', query: { open: 'flag' } },
    '/api/federation': { method: 'GET', command: 'federation', query: { removed: 'flag' } },
    '/api/log': { method: 'POST', command: 'log' },
    '/api/vote': { method: 'POST', command: 'vote' }
};
/** The command's input from a query string: empty values are absent, as an option not given. */
export function queryInput(params, fields) {
    const input = {};
    for (const [name, field] of Object.entries(fields)) {
        const text = params.get(name);
        if (text === null || text.trim() === '')
            continue;
        if (field === 'string')
            input[name] = text;
        else if (field === 'flag') {
            if (text !== '1' && text !== 'true' && text !== '0' && text !== 'false') {
                throw DiscoError.invalidField(name, 'not-flag', { value: text.slice(0, 40) });
            }
            if (text === '1' || text === 'true')
                input[name] = true;
        }
        else {
            // a whole number; the handler checks its range and says so in its own words
            if (!/^-?\d{1,15}$/.test(text.trim()))
                throw DiscoError.invalidField(name, 'not-whole', { value: text.slice(0, 40) });
            input[name] = Number(text);
        }
    }
    return input;
}
//# sourceMappingURL=api.js.map