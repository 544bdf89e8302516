import { getRules, listRulesVersions } from '../consensus/accounting-queries.js';
/** The accounting rules in force, and every earlier version. */
export async function rules(node) {
    const snap = node.snapshot();
    try {
        return { current: await getRules(snap), versions: await listRulesVersions(snap) };
    }
    finally {
        await snap.close();
    }
}
//# sourceMappingURL=rules.js.map