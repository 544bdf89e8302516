import c from 'compact-encoding';
import b4a from 'b4a';
import { DiscoError } from '../errors.js';
import { MAX_FRAME_BYTES, MAX_OPS_PER_FRAME } from './limits.js';
import { CARE_TARGETS, STREAMS } from './streams.js';
import { INVITE_ROLES, PATCH_FIELDS, PROTOCOL_VERSION } from './ops.js';
import { DATER_CREDITS, LATE_POLICIES } from './rules.js';
import { ROLES } from './roles.js';
import { AUDIENCES, CHOICES, PROPOSAL_KINDS } from './governance.js';
const TYPE_TAGS = [
    'found', 'contribution', 'amend', 'retract', 'profile', 'invite', 'admit', 'propose', 'vote', 'close', 'endorse', 'income', 'paid',
    'checkin', 'dispute'
];
/** A contribution with `forCoop` has a wire tag of its own, right after the op types, so that a
 * contribution without it keeps the bytes it had before federation existed. The next op type
 * appended to TYPE_TAGS takes 16: this tag is taken. */
const CONTRIBUTION_FOR_COOP_TAG = 15;
if (TYPE_TAGS.length !== CONTRIBUTION_FOR_COOP_TAG)
    throw new Error('op type tag 15 is the forCoop contribution: give a new op type tag 16');
/** Op types added after tag 15, with their own tags. A `tick` has no body: its frame's time is all it says. */
const TICK_TAG = 16;
function enumTag(values, name) {
    return {
        preencode(state, value) { c.uint.preencode(state, values.indexOf(value)); },
        encode(state, value) {
            const i = values.indexOf(value);
            if (i < 0)
                throw DiscoError.malformedFrame('unknown-value', { name, value: String(value) });
            c.uint.encode(state, i);
        },
        decode(state) {
            const i = c.uint.decode(state);
            const value = values[i];
            if (value === undefined)
                throw DiscoError.malformedFrame('unknown-tag', { name, tag: i });
            return value;
        }
    };
}
const stream = enumTag(STREAMS, 'stream');
/** 0 = none, then CARE_TARGETS in order */
const careFor = {
    preencode(state, v) { c.uint.preencode(state, v === null ? 0 : CARE_TARGETS.indexOf(v) + 1); },
    encode(state, v) {
        const i = v === null ? -1 : CARE_TARGETS.indexOf(v);
        if (v !== null && i < 0)
            throw DiscoError.malformedFrame('unknown-value', { name: 'care target', value: String(v) });
        c.uint.encode(state, i + 1);
    },
    decode(state) {
        const i = c.uint.decode(state);
        if (i === 0)
            return null;
        const v = CARE_TARGETS[i - 1];
        if (v === undefined)
            throw DiscoError.malformedFrame('unknown-tag', { name: 'care target', tag: i });
        return v;
    }
};
const money = {
    preencode(state, v) {
        c.bool.preencode(state, v !== null);
        if (v !== null) {
            c.uint.preencode(state, v.amount);
            c.string.preencode(state, v.currency);
        }
    },
    encode(state, v) {
        c.bool.encode(state, v !== null);
        if (v !== null) {
            c.uint.encode(state, v.amount);
            c.string.encode(state, v.currency);
        }
    },
    decode(state) {
        if (!c.bool.decode(state))
            return null;
        return { amount: c.uint.decode(state), currency: c.string.decode(state) };
    }
};
function struct(fields, constant = {}) {
    return {
        preencode(state, value) { for (const [k, e] of fields)
            e.preencode(state, value[k]); },
        encode(state, value) { for (const [k, e] of fields)
            e.encode(state, value[k]); },
        decode(state) {
            // Object.assign, not `{ ...constant }`: on Node 20 an object made by spreading, then given
            // a dozen fields, decodes 15-20 times slower (9 µs against 0.5 µs a contribution), which
            // made decoding the largest cost of apply's own work (bench P1, P6)
            const out = Object.assign({}, constant);
            for (const [k, e] of fields)
                out[k] = e.decode(state);
            return out;
        }
    };
}
const tags = c.array(c.string);
const amount = struct([['amount', c.uint], ['currency', c.string]]);
const streamWeights = struct([['livelihood', c.uint], ['love', c.uint], ['care', c.uint]]);
const rules = struct([
    ['rate', streamWeights], ['moneyRate', c.uint], ['split', streamWeights], ['careWeight', c.uint],
    ['daterCredits', enumTag(DATER_CREDITS, 'dater credits')], ['needsEndorsement', c.bool],
    ['late', enumTag(LATE_POLICIES, 'late policy')]
]);
const ref = struct([['writer', c.fixed32], ['seq', c.uint], ['index', c.uint]]);
const found = struct([['coopName', c.string], ['memberName', c.string]], { type: 'found' });
const contribution = struct([
    ['stream', stream], ['minutes', c.uint], ['day', c.uint], ['description', c.string], ['project', c.string],
    ['tags', tags], ['client', c.string], ['commons', c.string], ['careFor', careFor], ['money', money], ['key', c.string]
], { type: 'contribution' });
const contributionForCoop = {
    preencode(state, o) { contribution.preencode(state, o); c.string.preencode(state, o.forCoop ?? ''); },
    encode(state, o) { contribution.encode(state, o); c.string.encode(state, o.forCoop ?? ''); },
    decode(state) {
        const o = contribution.decode(state);
        const forCoop = c.string.decode(state);
        // '' is written with the plain contribution tag: only one byte form per op
        if (forCoop === '')
            throw DiscoError.malformedFrame('empty-for-coop');
        return { ...o, forCoop };
    }
};
const hasForCoop = (o) => o.type === 'contribution' && o.forCoop !== undefined && o.forCoop !== '';
/** One encoder per patchable field, in PATCH_FIELDS order. */
const PATCH_ENCODERS = {
    stream: stream,
    minutes: c.uint,
    day: c.uint,
    description: c.string,
    project: c.string,
    tags: tags,
    client: c.string,
    commons: c.string,
    careFor,
    money
};
function patchMask(patch) {
    let mask = 0;
    PATCH_FIELDS.forEach((field, i) => { if (patch[field] !== undefined)
        mask |= 1 << i; });
    return mask;
}
const amend = {
    preencode(state, op) {
        ref.preencode(state, op.target);
        c.uint.preencode(state, patchMask(op.patch));
        for (const field of PATCH_FIELDS) {
            const v = op.patch[field];
            if (v !== undefined)
                PATCH_ENCODERS[field].preencode(state, v);
        }
    },
    encode(state, op) {
        ref.encode(state, op.target);
        c.uint.encode(state, patchMask(op.patch));
        for (const field of PATCH_FIELDS) {
            const v = op.patch[field];
            if (v !== undefined)
                PATCH_ENCODERS[field].encode(state, v);
        }
    },
    decode(state) {
        const target = ref.decode(state);
        const mask = c.uint.decode(state);
        if (mask >= 1 << PATCH_FIELDS.length)
            throw DiscoError.malformedFrame('amend-mask', { mask });
        const patch = {};
        PATCH_FIELDS.forEach((field, i) => {
            if ((mask & (1 << i)) !== 0)
                patch[field] = PATCH_ENCODERS[field].decode(state);
        });
        return { type: 'amend', target, patch: patch };
    }
};
const retract = struct([['target', ref], ['reason', c.string]], { type: 'retract' });
const profile = struct([['name', c.string]], { type: 'profile' });
const inviteRole = enumTag(INVITE_ROLES, 'invite role');
const invite = struct([['inviteId', c.fixed32], ['publicKey', c.fixed32], ['role', inviteRole], ['expires', c.uint]], { type: 'invite' });
const admit = struct([['inviteId', c.fixed32], ['writer', c.fixed32], ['proof', c.fixed64]], { type: 'admit' });
const role = enumTag(ROLES, 'role');
const kind = enumTag(PROPOSAL_KINDS, 'proposal kind');
const audience = enumTag(AUDIENCES, 'audience');
const choice = enumTag(CHOICES, 'vote');
const keyList = c.array(c.fixed32);
const action = {
    preencode(state, a) {
        kind.preencode(state, a.kind);
        switch (a.kind) {
            case 'admit':
                c.fixed32.preencode(state, a.writer);
                role.preencode(state, a.role);
                c.string.preencode(state, a.name);
                break;
            case 'role':
                c.fixed32.preencode(state, a.member);
                role.preencode(state, a.role);
                break;
            case 'remove':
                c.fixed32.preencode(state, a.member);
                break;
            case 'indexers':
                keyList.preencode(state, a.devices);
                break;
            case 'protocol':
                c.uint.preencode(state, a.version);
                break;
            case 'motion': break;
            case 'rules':
                rules.preencode(state, a.rules);
                break;
            case 'distribute':
                c.string.preencode(state, a.month);
                amount.preencode(state, a.pool);
                break;
            case 'federate':
                c.fixed32.preencode(state, a.key);
                c.fixed32.preencode(state, a.topic);
                c.string.preencode(state, a.name);
                break;
            case 'unfederate':
                c.fixed32.preencode(state, a.key);
                break;
            case 'trust':
                c.fixed32.preencode(state, a.key);
                c.uint.preencode(state, a.value);
                c.uint.preencode(state, a.stage);
                break;
            case 'checkins':
                c.uint.preencode(state, a.days);
                break;
            case 'deliberation':
                c.uint.preencode(state, a.hours);
                break;
            case 'mirrors':
                keyList.preencode(state, a.keys);
                break;
        }
    },
    encode(state, a) {
        kind.encode(state, a.kind);
        switch (a.kind) {
            case 'admit':
                c.fixed32.encode(state, a.writer);
                role.encode(state, a.role);
                c.string.encode(state, a.name);
                break;
            case 'role':
                c.fixed32.encode(state, a.member);
                role.encode(state, a.role);
                break;
            case 'remove':
                c.fixed32.encode(state, a.member);
                break;
            case 'indexers':
                keyList.encode(state, a.devices);
                break;
            case 'protocol':
                c.uint.encode(state, a.version);
                break;
            case 'motion': break;
            case 'rules':
                rules.encode(state, a.rules);
                break;
            case 'distribute':
                c.string.encode(state, a.month);
                amount.encode(state, a.pool);
                break;
            case 'federate':
                c.fixed32.encode(state, a.key);
                c.fixed32.encode(state, a.topic);
                c.string.encode(state, a.name);
                break;
            case 'unfederate':
                c.fixed32.encode(state, a.key);
                break;
            case 'trust':
                c.fixed32.encode(state, a.key);
                c.uint.encode(state, a.value);
                c.uint.encode(state, a.stage);
                break;
            case 'checkins':
                c.uint.encode(state, a.days);
                break;
            case 'deliberation':
                c.uint.encode(state, a.hours);
                break;
            case 'mirrors':
                keyList.encode(state, a.keys);
                break;
        }
    },
    decode(state) {
        const k = kind.decode(state);
        switch (k) {
            case 'admit': return { kind: k, writer: c.fixed32.decode(state), role: role.decode(state), name: c.string.decode(state) };
            case 'role': return { kind: k, member: c.fixed32.decode(state), role: role.decode(state) };
            case 'remove': return { kind: k, member: c.fixed32.decode(state) };
            case 'indexers': return { kind: k, devices: keyList.decode(state) };
            case 'protocol': return { kind: k, version: c.uint.decode(state) };
            case 'motion': return { kind: k };
            case 'rules': return { kind: k, rules: rules.decode(state) };
            case 'distribute': return { kind: k, month: c.string.decode(state), pool: amount.decode(state) };
            case 'federate': return { kind: k, key: c.fixed32.decode(state), topic: c.fixed32.decode(state), name: c.string.decode(state) };
            case 'unfederate': return { kind: k, key: c.fixed32.decode(state) };
            case 'trust': return { kind: k, key: c.fixed32.decode(state), value: c.uint.decode(state), stage: c.uint.decode(state) };
            case 'checkins': return { kind: k, days: c.uint.decode(state) };
            case 'deliberation': return { kind: k, hours: c.uint.decode(state) };
            case 'mirrors': return { kind: k, keys: keyList.decode(state) };
        }
    }
};
const propose = struct([['action', action], ['text', c.string], ['audience', audience], ['deadline', c.uint]], { type: 'propose' });
const vote = struct([['proposal', ref], ['choice', choice], ['reason', c.string]], { type: 'vote' });
const close = struct([['proposal', ref]], { type: 'close' });
const endorse = struct([['target', ref]], { type: 'endorse' });
const income = struct([
    ['money', amount], ['client', c.string], ['day', c.uint], ['description', c.string], ['key', c.string]
], { type: 'income' });
const paid = struct([['month', c.string], ['day', c.uint], ['reference', c.string]], { type: 'paid' });
const signedState = struct([['length', c.uint], ['fork', c.uint], ['treeHash', c.fixed32], ['signature', c.buffer]]);
const checkin = struct([
    ['federate', c.fixed32], ['manifest', c.buffer], ['length', c.uint], ['fork', c.uint], ['treeHash', c.fixed32], ['signature', c.buffer]
], { type: 'checkin' });
const treeNodes = c.array(struct([['index', c.uint], ['size', c.uint], ['hash', c.fixed32]]));
const dispute = struct([
    ['federate', c.fixed32], ['manifest', c.buffer], ['witnessed', signedState], ['observed', signedState],
    ['prefix', treeNodes], ['extension', treeNodes]
], { type: 'dispute' });
const BODIES = {
    found, contribution, amend, retract, profile, invite, admit, propose, vote, close, endorse, income, paid, checkin, dispute
};
const typeTag = enumTag(TYPE_TAGS, 'op type');
const op = {
    preencode(state, o) {
        if (o.type === 'tick') {
            c.uint.preencode(state, TICK_TAG);
            return;
        }
        if (hasForCoop(o)) {
            c.uint.preencode(state, CONTRIBUTION_FOR_COOP_TAG);
            contributionForCoop.preencode(state, o);
            return;
        }
        typeTag.preencode(state, o.type);
        BODIES[o.type].preencode(state, o);
    },
    encode(state, o) {
        if (o.type === 'tick') {
            c.uint.encode(state, TICK_TAG);
            return;
        }
        if (hasForCoop(o)) {
            c.uint.encode(state, CONTRIBUTION_FOR_COOP_TAG);
            contributionForCoop.encode(state, o);
            return;
        }
        typeTag.encode(state, o.type);
        BODIES[o.type].encode(state, o);
    },
    decode(state) {
        const start = state.start;
        const tag = c.uint.decode(state);
        if (tag === CONTRIBUTION_FOR_COOP_TAG)
            return contributionForCoop.decode(state);
        if (tag === TICK_TAG)
            return { type: 'tick' };
        state.start = start;
        return BODIES[typeTag.decode(state)].decode(state);
    }
};
const frame = {
    preencode(state, f) {
        c.uint.preencode(state, f.version);
        c.uint.preencode(state, f.time);
        c.uint.preencode(state, f.ops.length);
        for (const o of f.ops)
            op.preencode(state, o);
    },
    encode(state, f) {
        c.uint.encode(state, f.version);
        c.uint.encode(state, f.time);
        c.uint.encode(state, f.ops.length);
        for (const o of f.ops)
            op.encode(state, o);
    },
    decode(state) {
        const version = c.uint.decode(state);
        if (version !== PROTOCOL_VERSION)
            throw DiscoError.malformedFrame('no-decoder', { version });
        const time = c.uint.decode(state);
        const count = c.uint.decode(state);
        if (count === 0 || count > MAX_OPS_PER_FRAME)
            throw DiscoError.malformedFrame('op-count', { count, max: MAX_OPS_PER_FRAME });
        const ops = [];
        for (let i = 0; i < count; i++)
            ops.push(op.decode(state));
        return { version, time, ops };
    }
};
export function encodeFrame(f) {
    if (f.ops.length === 0 || f.ops.length > MAX_OPS_PER_FRAME) {
        throw DiscoError.malformedFrame('op-count', { count: f.ops.length, max: MAX_OPS_PER_FRAME });
    }
    const buf = c.encode(frame, f);
    if (buf.byteLength > MAX_FRAME_BYTES)
        throw DiscoError.frameTooLarge(buf.byteLength, MAX_FRAME_BYTES);
    return buf;
}
/** The bytes one op adds to a frame: what packing counts against MAX_FRAME_BYTES. */
export function encodedOpLength(o) {
    const state = { start: 0, end: 0, buffer: null };
    op.preencode(state, o);
    return state.end;
}
/** The size of a frame's header with `count` ops, at most: version, a 9-byte time, count. */
export const FRAME_HEADER_MAX = 1 + 9 + 3;
/** The protocol version a block claims, read without decoding the rest. */
export function peekVersion(buf) {
    try {
        return c.uint.decode({ start: 0, end: buf.byteLength, buffer: buf });
    }
    catch {
        throw DiscoError.malformedFrame('no-version-header');
    }
}
export function decodeFrame(buf) {
    if (buf.byteLength > MAX_FRAME_BYTES)
        throw DiscoError.frameTooLarge(buf.byteLength, MAX_FRAME_BYTES);
    const state = { start: 0, end: buf.byteLength, buffer: buf };
    let f;
    try {
        f = frame.decode(state);
    }
    catch (err) {
        if (err instanceof DiscoError)
            throw err;
        // not the decoder library's own words: a release of it could reword them, and the rejection
        throw DiscoError.malformedFrame('undecodable');
    }
    if (state.start !== state.end)
        throw DiscoError.malformedFrame('trailing-bytes', { bytes: state.end - state.start });
    // One byte form per frame: a re-encode must give back exactly what arrived.
    let again;
    try {
        again = c.encode(frame, f);
    }
    catch {
        throw DiscoError.malformedFrame('cannot-re-encode');
    }
    if (!b4a.equals(again, buf))
        throw DiscoError.malformedFrame('not-canonical');
    return f;
}
//# sourceMappingURL=codec.js.map