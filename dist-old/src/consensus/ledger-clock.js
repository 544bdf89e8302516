import { lowerMedian } from '../ledger/ledger-time.js';
import { CLOCK_KEY, keys } from './view-layout.js';
const EMPTY = { members: {}, now: 0 };
async function read(tx) {
    return await tx.get(CLOCK_KEY) ?? EMPTY;
}
async function write(tx, members, before) {
    const median = lowerMedian(Object.values(members));
    const now = Math.max(before.now, median ?? 0);
    await tx.put(CLOCK_KEY, { members, now });
}
/** The ledger time: what apply takes as "now". 0 before the founding. */
export async function ledgerNow(tx) {
    return (await read(tx)).now;
}
/**
 * A device wrote a frame at `time` (already checked not to go back). Counts only when its member
 * is a full member: daters', contributors' and supporters' clocks move nothing.
 */
export async function noteFrameTime(tx, writerHex, time) {
    const device = await tx.get(keys.device(writerHex));
    if (device === null)
        return;
    const clock = await read(tx);
    const latest = clock.members[device.member];
    if (latest === undefined || time <= latest)
        return;
    await write(tx, { ...clock.members, [device.member]: time }, clock);
}
/**
 * A participant became a full member (found, admitted, a role change) or stopped being one (a role
 * change, a removal). A new member counts with the latest time their devices have written.
 */
export async function setClockMember(tx, member, counts) {
    const clock = await read(tx);
    const members = { ...clock.members };
    if (counts) {
        let latest = 0;
        for (const d of member.devices)
            latest = Math.max(latest, (await tx.get(keys.device(d)))?.lastTime ?? 0);
        members[member.id] = Math.max(latest, members[member.id] ?? 0);
    }
    else {
        if (!(member.id in members))
            return;
        delete members[member.id];
    }
    await write(tx, members, clock);
}
//# sourceMappingURL=ledger-clock.js.map