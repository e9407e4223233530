// --out conventions through the real command: `-` is stdout, the format follows the
// extension (a contradicting --format or an unknown extension is refused), a missing
// parent directory needs --mkdir, and an unwritable place is refused before any work,
// with exit 2 and an existing file left as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'cy-out-'));
const model = join(dir, 'decay.xmile');
writeFileSync(model, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>decay</name></header>
<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model><variables>
  <stock name="S"><eqn>8</eqn><outflow>out</outflow></stock>
  <flow name="out"><eqn>S / 2</eqn></flow>
</variables></model></xmile>`);
const CSV = 'time,S,out\n0,8,4\n1,4,2\n2,2,1\n';

/** Expect exit 2, no stdout, exactly `line` on stderr. */
function refused(args: string[], line: string): void {
  const r = cli(args);
  expect(r.stderr).toBe(`${line}\n`);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
}

describe('--out -', () => {
  it('means stdout and writes no file named -', () => {
    const r = cli(['run', model, '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(CSV);
    expect(existsSync(join(dir, '-'))).toBe(false);
    const j = cli(['levers', '--format', 'json', '--out', '-'], { cwd: dir });
    expect(JSON.parse(j.stdout)).toHaveProperty('levers');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});

describe('the format follows the --out extension', () => {
  it('run --out result.json writes JSON, result.csv CSV', () => {
    const json = join(dir, 'result.json');
    expect(cli(['run', model, '--out', json]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).columns).toEqual(['S', 'out']);
    const csv = join(dir, 'result.csv');
    expect(cli(['run', model, '--out', csv, '--format', 'csv']).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(CSV);
  });

  it('compare and levers follow it too (.md markdown, .json)', () => {
    const md = join(dir, 'levers.json');
    expect(cli(['levers', '--out', md]).code).toBe(0);
    expect(JSON.parse(readFileSync(md, 'utf8'))).toHaveProperty('levers');
    const cmp = join(dir, 'compare.md');
    expect(cli(['compare', 'scenarios/baseline.json', 'scenarios/corridor.json', '--years', '2035', '--out', cmp]).code).toBe(0);
    expect(readFileSync(cmp, 'utf8')).toMatch(/^\|.*\|\n\|[-: |]+\|\n/m);
  });

  it('refuses a contradicting --format and an unknown extension, leaving the file as it was', () => {
    const old = join(dir, 'old.csv');
    writeFileSync(old, 'previous\n');
    refused(['run', model, '--out', old, '--format', 'json'], `chengyu-sim: --format json contradicts --out ${old} (a .csv file holds csv); drop --format or change the extension`);
    expect(readFileSync(old, 'utf8')).toBe('previous\n');
    refused(['run', model, '--out', join(dir, 'r.xlsx')], `chengyu-sim: --out ${join(dir, 'r.xlsx')}: unknown extension ".xlsx"; allowed: .csv, .json`);
    refused(['doc', '--out', join(dir, 'model.txt')], `chengyu-sim: --out ${join(dir, 'model.txt')}: unknown extension ".txt"; allowed: .md (markdown)`);
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
  });
});

describe('a missing parent directory of --out', () => {
  it('is refused without --mkdir, created with it', () => {
    const out = join(dir, 'new', 'deeper', 'r.csv');
    refused(['run', model, '--out', out], `chengyu-sim: --out ${out}: directory ${join(dir, 'new', 'deeper')} does not exist; create it, or add --mkdir`);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    refused(['batch', '--toy-model', 'linear', '--runs', '10', '--out', join(dir, 'nodir', 'b')],
      `chengyu-sim: --out ${join(dir, 'nodir', 'b')}: directory ${join(dir, 'nodir')} does not exist; create it, or add --mkdir`);
    const r = cli(['run', model, '--out', out, '--mkdir']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(CSV);
  });

  it('at / is refused too', () => {
    const top = '/no-such-dir-of-chengyu-sim';
    expect(existsSync(top)).toBe(false);
    try {
      refused(['run', model, '--out', `${top}/r.csv`], `chengyu-sim: --out ${top}/r.csv: directory ${top} does not exist; create it, or add --mkdir`);
      expect(existsSync(top)).toBe(false);
    } finally {
      // A regression creates it (as root): do not leave it behind.
      rmSync(top, { recursive: true, force: true });
    }
  });
});

describe('an unwritable --out', () => {
  // sysfs refuses new files even to root, so this holds for any user running the tests.
  const forbidden = '/sys/chengyu-sim-result.csv';

  it('is refused up front, in the tool\'s words, exit 2, no temp file named', () => {
    refused(['run', model, '--out', forbidden], `chengyu-sim: --out ${forbidden}: cannot write (permission denied)`);
    refused(['levers', '--out', '/sys/levers.txt'], 'chengyu-sim: --out /sys/levers.txt: cannot write (permission denied)');
    refused(['batch', '--toy-model', 'linear', '--runs', '10', '--out', '/sys/batch'], 'chengyu-sim: --out /sys/batch: cannot write (permission denied)');
  });

  it('sensitivity checks before computing anything', () => {
    const r = cli(['sensitivity', '--toy-model', 'ishigami', '--workers', '0', '--samples', '40', '--out', '/sys/s.json']);
    expect(r.stderr).toBe('chengyu-sim: --out /sys/s.json: cannot write (permission denied)\n');
    expect(r.code).toBe(2);
  });

  it('a FIFO (like /dev/null, a device) is written in place, not replaced by a file', () => {
    // With a FIFO, not /dev/null: a regression must not replace the machine's /dev/null.
    const fifo = join(dir, 'fifo');
    const got = join(dir, 'from-fifo.csv');
    const script = `mkfifo "${fifo}" && { timeout 60 cat "${fifo}" > "${got}" & } && "${process.execPath}" "${ROOT}bin/chengyu-sim.js" run "${model}" --out "${fifo}"; s=$?; wait; test -p "${fifo}" && echo "$s fifo"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0 fifo\n');
    expect(readFileSync(got, 'utf8')).toBe(CSV);
  });
});
