/**
 * Bench figures of issue 9 (workbook files): the CLI end to end against the physical floor
 * of its output, measured in the same run — deflating the XML of the parts Kaohe adds with
 * the CLI's own deflater (node:zlib at level 6, src/cli/deflate.ts, in 1 MB pieces) plus
 * copying the input's entries as stored — and the CLI's wall time and peak memory (max RSS
 * of the process tree, GNU time) at growing sizes.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Inflate } from 'fflate';
import { nodeDeflater } from '../../src/cli/deflate';
import { centralRecord, rawEntry, readZip } from '../../src/io/xlsx/zip';
import { cliCommand, timedRun, warmCli } from './measure';

export interface FileFigures {
  units: number;
  indicators: number;
  inputBytes: number;
  outputBytes: number;
  /** Uncompressed XML of the parts Kaohe added. */
  addedXmlBytes: number;
  cliMs: number;
  /** Peak resident memory of the CLI process tree, bytes. */
  cliPeakBytes: number;
  floorMs: number;
  /** Result sheets in the output (computed to check the run did what it should). */
  sheets: number;
}

/** Bytes of XML per deflate call in the floor. */
const FLOOR_PIECE = 1 << 20;

/**
 * The floor: deflate every added part's XML (inflated beforehand, untimed) chunk by chunk,
 * plus copy every input entry as stored. Cost: O(output XML).
 */
function floorMs(input: Uint8Array, output: Uint8Array): { ms: number; xmlBytes: number } {
  const before = readZip(input);
  const after = readZip(output);
  const original = new Set(before.entries.map((e) => e.name));
  let ms = 0;
  let xmlBytes = 0;
  // Copying the original entries (local records and central records) into a new buffer.
  const copyStart = process.hrtime.bigint();
  let size = 0;
  for (const entry of before.entries) size += rawEntry(before, entry).length + centralRecord(before, entry).length;
  const copy = new Uint8Array(size);
  let at = 0;
  for (const entry of before.entries) {
    copy.set(rawEntry(before, entry), at);
    at += rawEntry(before, entry).length;
    copy.set(centralRecord(before, entry), at);
    at += centralRecord(before, entry).length;
  }
  ms += Number(process.hrtime.bigint() - copyStart) / 1e6;
  for (const entry of after.entries) {
    if (original.has(entry.name)) continue;
    const deflate = nodeDeflater()(() => undefined);
    // Inflated text gathered into 1 MB pieces (untimed), each deflated as the CLI does.
    let piece = new Uint8Array(FLOOR_PIECE);
    let filled = 0;
    const push = (final: boolean): void => {
      const t = process.hrtime.bigint();
      deflate.push(piece.subarray(0, filled), final);
      ms += Number(process.hrtime.bigint() - t) / 1e6;
      piece = new Uint8Array(FLOOR_PIECE);
      filled = 0;
    };
    const inflate = new Inflate((chunk, final) => {
      xmlBytes += chunk.length;
      let at = 0;
      while (at < chunk.length) {
        const take = Math.min(chunk.length - at, FLOOR_PIECE - filled);
        piece.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === FLOOR_PIECE) push(false);
      }
      if (final) push(true);
    });
    const data = output.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    for (let i = 0; i < data.length; i += 1 << 20) inflate.push(data.subarray(i, Math.min(data.length, i + (1 << 20))), i + (1 << 20) >= data.length);
  }
  return { ms, xmlBytes };
}

/**
 * One size: generate the input (child process, untimed), run the CLI under GNU time, then
 * measure the floor on the same input and output.
 */
export async function benchFiles(root: string, units: number, indicators: number): Promise<FileFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kaohe-bench-files-'));
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  try {
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'out.xlsx');
    await timedRun(tsx, [path.join(root, 'scripts/bench/makeLedger.ts'), input, String(units), String(indicators)], root, 16_000);
    // The CLI as a user runs it (`npm run cli`, less npm's start-up): Node's default heap
    // (its peak memory is the figure).
    await warmCli(root);
    const timed = await timedRun('/usr/bin/time', ['-f', 'KAOHE_PEAK_KB=%M', ...cliCommand(root), 'compute', input, '-o', output], root);
    const peak = Number(/KAOHE_PEAK_KB=(\d+)/.exec(timed.stderr)?.[1] ?? NaN) * 1024;
    const inBytes = new Uint8Array(await readFile(input));
    const outBytes = new Uint8Array(await readFile(output));
    const floor = floorMs(inBytes, outBytes);
    const sheets = (new TextDecoder().decode(outBytes).match(/xl\/worksheets\/sheet\d+\.xml/g) ?? []).length;
    return {
      units,
      indicators,
      inputBytes: (await stat(input)).size,
      outputBytes: (await stat(output)).size,
      addedXmlBytes: floor.xmlBytes,
      cliMs: timed.ms,
      cliPeakBytes: peak,
      floorMs: floor.ms,
      sheets,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
