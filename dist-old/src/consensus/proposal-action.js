import b4a from 'b4a';
const hex = (key) => b4a.toString(key, 'hex');
export function actionView(a) {
    switch (a.kind) {
        case 'admit': return { kind: a.kind, writer: hex(a.writer), role: a.role, name: a.name };
        case 'role': return { kind: a.kind, member: hex(a.member), role: a.role };
        case 'remove': return { kind: a.kind, member: hex(a.member) };
        case 'indexers': return { kind: a.kind, devices: a.devices.map(hex) };
        case 'protocol': return { kind: a.kind, version: a.version };
        case 'motion': return { kind: a.kind };
        case 'rules': return { kind: a.kind, rules: a.rules };
        case 'distribute': return { kind: a.kind, month: a.month, pool: a.pool.amount, currency: a.pool.currency };
        case 'federate': return { kind: a.kind, key: hex(a.key), topic: hex(a.topic), name: a.name };
        case 'unfederate': return { kind: a.kind, key: hex(a.key) };
        case 'trust': return { kind: a.kind, key: hex(a.key), value: a.value, stage: a.stage };
        case 'checkins': return { kind: a.kind, days: a.days };
        case 'deliberation': return { kind: a.kind, hours: a.hours };
        case 'mirrors': return { kind: a.kind, keys: a.keys.map(hex) };
    }
}
//# sourceMappingURL=proposal-action.js.map