/**
 * One sample of the issue-13 figure as a user meets it: in a process of its own (as every
 * CLI run is, and as the pane is at its first 计算排名), the first `readInput + compute` of
 * a synthetic ledger, then the first robustness analysis of it — in that order, as `assess`
 * runs them, so each side gets the JIT state a real run gives it. Prints one JSON line:
 * `{"readComputeMs": …, "robustnessMs": …}`.
 *
 * Run by analysis.ts as a bundle (esbuild, as the CLI ships): `node <bundle> <units> <indicators>`.
 */
import { rankContext, robustness } from '../../src/core/analysis';
import { compute } from '../../src/core/compute';
import { DEFAULT_ROLES } from '../../src/core/defaults';
import { readInput } from '../../src/core/read';
import { syntheticSnapshot } from '../../test/helpers/generate';

const [units, indicators] = [Number(process.argv[2]), Number(process.argv[3])];
const snapshot = syntheticSnapshot(units, indicators, 20181231);
const now = new Date(2019, 0, 5, 10, 0, 0);
let start = performance.now();
const read = readInput(snapshot, DEFAULT_ROLES, { now });
if (!read.input) throw new Error('the bench snapshot does not read');
const result = compute(read.input);
const readComputeMs = performance.now() - start;
const ctx = rankContext(result);
start = performance.now();
robustness(read.input, result, ctx);
const robustnessMs = performance.now() - start;
process.stdout.write(`${JSON.stringify({ readComputeMs, robustnessMs })}\n`);
