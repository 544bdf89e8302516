/**
 * `npm run fuzz`: the frame decoder's properties (test/fuzz.test.ts) at ten times the cases,
 * 1,000,000 by default, with a fresh seed each run. FUZZ_SEED=n replays a run (a failure prints its
 * seed and the counterexample's path); FUZZ_RUNS=n changes the total.
 */
import fc from 'fast-check';
import { checkDecode, checkRoundTrip, frame, mutatedFrame, randomBuffer } from './arbitraries.js';
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
const total = process.env.FUZZ_RUNS !== undefined ? Number(process.env.FUZZ_RUNS) : 1_000_000;
if (!Number.isInteger(seed) || !Number.isSafeInteger(total) || total < 3) {
    console.error('FUZZ_SEED must be an integer and FUZZ_RUNS a whole number of 3 or more');
    process.exit(2);
}
const runs = { roundTrip: Math.round(total * 0.3), random: Math.round(total * 0.3), mutated: 0 };
runs.mutated = total - runs.roundTrip - runs.random;
console.log(`fuzzing the frame decoder: ${total} cases, seed ${seed} (replay with FUZZ_SEED=${seed})`);
let failed = false;
function property(name, arb, check, numRuns, after = () => '') {
    const start = performance.now();
    try {
        fc.assert(fc.property(arb, check), { seed, numRuns });
    }
    catch (err) {
        failed = true;
        console.log(`  ${name}: FAILED\n${err.message}`);
        return;
    }
    const s = (performance.now() - start) / 1000;
    console.log(`  ${name}: ${numRuns} cases in ${s.toFixed(1)} s (${Math.round(numRuns / s)} cases/s)${after()}`);
}
const overall = performance.now();
property('valid frames round-trip byte-exact', frame, checkRoundTrip, runs.roundTrip);
const random = { accepted: 0, refused: 0 };
property('random buffers', randomBuffer, buf => { checkDecode(buf, random); }, runs.random, () => `; ${random.refused} refused, ${random.accepted} decoded`);
const mutated = { accepted: 0, refused: 0 };
property('mutated valid frames', mutatedFrame, buf => { checkDecode(buf, mutated); }, runs.mutated, () => `; ${mutated.refused} refused, ${mutated.accepted} decoded`);
const s = (performance.now() - overall) / 1000;
console.log(`${failed ? 'FAILED' : 'ok'}: ${total} cases in ${s.toFixed(1)} s (${Math.round(total / s)} cases/s), seed ${seed}`);
process.exitCode = failed ? 1 : 0;
//# sourceMappingURL=fuzz.js.map