import { DiscoError } from '../errors.js';
import { verifyEvidence } from '../consensus/federate-signatures.js';
import { evidenceFromJson } from '../federation/evidence-file.js';
import b4a from 'b4a';
const WHAT = {
    fork: 'signed two different histories at the same length',
    truncation: 'signed a history cut below a length it had signed before',
    rewrite: 'signed a longer history that does not contain the one it had signed before'
};
/**
 * `disco verify-evidence <file>`: check a dispute's evidence offline, with no ledger and no key but
 * the federate's public one (its manifest is in the file, and its hash must be the federate's key).
 * Throws INVALID_EVIDENCE (a `state` error: exit 1) when it proves nothing.
 */
export function verifyEvidenceText(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new DiscoError('INVALID_EVIDENCE', 'not valid evidence: the file is not JSON', 'state');
    }
    try {
        const e = evidenceFromJson(parsed);
        const kind = verifyEvidence(e);
        const name = typeof parsed.name === 'string' ? parsed.name : null;
        const federate = b4a.toString(e.federate, 'hex');
        return { valid: true, kind, federate, name, message: `valid evidence: federate ${name ?? federate.slice(0, 8)} ${WHAT[kind]} (both signatures verify against its key ${federate.slice(0, 8)}…)` };
    }
    catch (err) {
        if (err instanceof DiscoError)
            throw new DiscoError('INVALID_EVIDENCE', err.message.startsWith('not valid evidence') ? err.message : `not valid evidence: ${err.message}`, 'state');
        throw err;
    }
}
//# sourceMappingURL=verify-evidence.js.map