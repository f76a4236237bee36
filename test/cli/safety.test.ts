/**
 * The CLI's output safety (issue 9, Must 4), in child processes: the output appears only
 * complete (temporary file in the target folder, fsync, rename), a previous output survives
 * a killed or failed write (a kill may leave only the hidden temporary file; full disk: a 200 KB tmpfs when the test runs as root; otherwise
 * a read-only folder), an output that is the input by identity is refused (symlink, hard
 * link, another spelling), an existing file Kaohe did not write is refused without --force,
 * and with --json stdout is one JSON document on every path.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeAtomically } from '../../src/cli/files';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus');

function cli(args: string[], cwd: string) {
  const run = spawnSync(TSX, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** stdout must be exactly one JSON document; returns it. */
function oneJson(stdout: string): { errors: { message: string }[]; units: unknown[] } {
  return JSON.parse(stdout) as { errors: { message: string }[]; units: unknown[] };
}

describe('CLI output safety', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaohe-safe-'));
  const demo = path.join(dir, 'demo.xlsx');
  const out = path.join(dir, 'demo-考核结果.xlsx');

  beforeAll(() => {
    expect(cli(['template', demo, '--demo'], dir).code).toBe(0);
    expect(cli(['compute', demo], dir).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writeAtomically: a failing producer leaves no file and no temporary file; a previous file is untouched', () => {
    const target = path.join(dir, 'atomic.bin');
    writeFileSync(target, 'previous');
    const failed = writeAtomically(target, (write) => {
      write(new Uint8Array(1000));
      // While writing, the final name still holds the previous content.
      expect(readFileSync(target, 'utf8')).toBe('previous');
      expect(temps(dir)).toHaveLength(1);
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    expect(failed).toEqual({ code: 'files.diskFull', params: { file: target } });
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(temps(dir)).toEqual([]);
    expect(writeAtomically(target, (write) => write(new TextEncoder().encode('new')))).toBeNull();
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('refuses an output that is the input by identity: symlink, hard link, another spelling (exit 2, input unchanged)', () => {
    const before = sha(demo);
    symlinkSync(demo, path.join(dir, 'link.xlsx'));
    linkSync(demo, path.join(dir, 'hard.xlsx'));
    mkdirSync(path.join(dir, 'sub'));
    for (const output of ['link.xlsx', 'hard.xlsx', './sub/../demo.xlsx']) {
      const run = cli(['compute', demo, '-o', output, '--json'], dir);
      expect([output, run.code]).toEqual([output, 2]);
      expect(oneJson(run.stdout).errors[0].message).toContain('输出文件不能与输入文件相同');
    }
    expect(sha(demo)).toBe(before);
  });

  it('refuses to overwrite a file Kaohe did not write unless --force; replaces its own output freely', () => {
    const foreign = path.join(dir, 'foreign.xlsx');
    copyFileSync(path.join(CORPUS, 'libreoffice.xlsx'), foreign);
    const before = sha(foreign);
    const refused = cli(['compute', demo, '-o', foreign, '--json'], dir);
    expect(refused.code).toBe(1);
    const doc = oneJson(refused.stdout);
    expect(doc.units.length).toBe(19); // the results were computed; only the write was refused
    expect(doc.errors[0].message).toContain('不是 Kaohe 写出的结果工作簿');
    expect(sha(foreign)).toBe(before);
    expect(cli(['compute', demo, '-o', foreign, '--force'], dir).code).toBe(0);
    expect(sha(foreign)).not.toBe(before);
    // Its own earlier output (it holds the registry sheet) is replaced without --force.
    expect(cli(['compute', demo, '-o', foreign], dir).code).toBe(0);
  });

  it('with --json, stdout is one JSON document on usage errors, a missing input and a failed write', () => {
    const usage = cli(['compute', '--json', '--bogus'], dir);
    expect(usage.code).toBe(2);
    expect(oneJson(usage.stdout).errors[0].message).toContain('--bogus');
    const missing = cli(['compute', 'nope.xlsx', '--json'], dir);
    expect(missing.code).toBe(1);
    expect(oneJson(missing.stdout).errors[0].message).toContain('找不到文件');
    const help = cli(['--help', '--json'], dir);
    expect(help.code).toBe(0);
    expect((JSON.parse(help.stdout) as { usage: string }).usage).toContain('compute');
    const encrypted = cli(['compute', path.join(CORPUS, 'encrypted.xlsx'), '-o', path.join(dir, 'e.xlsx'), '--json'], dir);
    expect(encrypted.code).toBe(1);
    expect(oneJson(encrypted.stdout).errors[0].message).toContain('密码');
  });

  it('a macro workbook comes back as .xlsm with its macros; asking for .xlsx is a usage error', () => {
    const macro = path.join(CORPUS, 'handmade-macro.xlsm');
    const wrong = cli(['compute', macro, '-o', path.join(dir, 'm.xlsx')], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('.xlsm');
    const copy = path.join(dir, '宏.xlsm');
    copyFileSync(macro, copy);
    expect(cli(['compute', copy], dir).code).toBe(0);
    expect(existsSync(path.join(dir, '宏-考核结果.xlsm'))).toBe(true);
  });

  it('a killed write leaves the previous output whole and no file is ever half-written under the final name', async () => {
    const before = sha(out);
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const child = spawn(TSX, [MAIN, 'compute', demo, '-o', out], { cwd: dir });
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (temps(dir).length > 0 || child.exitCode !== null) {
            clearInterval(poll);
            child.kill(signal);
            resolve();
          }
        }, 2);
      });
      await new Promise((resolve) => child.once('close', resolve));
      const now = sha(out);
      // Either the kill came first (previous output kept) or the write completed (a whole new file).
      if (now !== before) expect(cli(['compute', out, '-o', path.join(dir, 'check.xlsx'), '--force'], dir).code).toBe(0);
      // A kill during the (synchronous) write may leave the hidden temporary file; never a partial final file.
      for (const name of temps(dir)) rmSync(path.join(dir, name));
    }
  }, 120_000);

  it('a full disk ends with the disk-full message, exit 1, and the previous output intact', () => {
    const full = path.join(dir, 'full');
    mkdirSync(full);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', full]).status === 0;
    try {
      const target = path.join(full, 'out.xlsx');
      if (mounted) {
        // A small previous output that fits; the new one (≈ 50 KB) cannot fit next to the filler.
        copyFileSync(out, target);
        writeFileSync(path.join(full, 'filler'), Buffer.alloc(120 * 1024));
        const before = sha(target);
        const run = cli(['compute', demo, '-o', target, '--json'], dir);
        expect(run.code).toBe(1);
        expect(oneJson(run.stdout).errors[0].message).toContain('磁盘空间不足');
        expect(sha(target)).toBe(before);
        expect(temps(full)).toEqual([]);
      } else {
        // Not root: a folder that cannot be written to stands in for the failed write.
        chmodSync(full, 0o500);
        const run = cli(['compute', demo, '-o', target, '--json'], dir);
        expect(run.code).toBe(1);
        expect(oneJson(run.stdout).errors[0].message).toContain(target);
        expect(existsSync(target)).toBe(false);
      }
    } finally {
      if (mounted) spawnSync('umount', [full]);
      chmodSync(full, 0o700);
    }
  });
});
