// The library as a user gets it: `npm pack` (which builds lib/ through the prepare script),
// the tarball unpacked into a fresh project's node_modules next to the package's declared
// dependencies only (linked from this checkout's node_modules, no network), then imported
// from a plain .mjs under `node` (no tsx) — the regional model, an XMILE model, the input
// checks, the browser bundle — and a consumer .ts type-checked against the shipped .d.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';
import { writeRegionsModel } from './regions-model.ts';

const T = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-library-'));
const project = join(dir, 'project');
const installed = join(project, 'node_modules', 'chengyu-sim');

/** Run `node args…` in the consumer project. */
function node(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: T });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', installed, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  // Only what the package declares (plus @types/node, the consumer's own): an import of an
  // undeclared package would fail here as it would for a user.
  for (const dep of [...Object.keys(pkg.dependencies), '@types/node']) {
    const at = join(project, 'node_modules', dep);
    mkdirSync(join(at, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), at, 'dir');
  }
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  writeRegionsModel(project);
}, T);

describe('the packed library', () => {
  it('ships compiled JavaScript and declarations and points main, types and exports at them', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('./lib/index.js');
    expect(pkg.types).toBe('./lib/types/index.d.ts');
    for (const f of ['lib/index.js', 'lib/browser.js', 'lib/types/index.d.ts', 'bin/chengyu-sim.js', 'src/cli/main.ts']) {
      expect(() => readFileSync(join(installed, f)), f).not.toThrow();
    }
  });

  it('runs the regional model and an XMILE model from a plain .mjs under node, with the CLI\'s input checks', () => {
    writeFileSync(join(project, 'use.mjs'), `
import { readFileSync } from 'node:fs';
import { runChengyu, compileModel, loadXmile } from 'chengyu-sim';
const r = runChengyu({ lever_corridor_integration: 0.6 }, { parameters: { knowledge_depreciation: 0.2 } });
const base = runChengyu();
const tc = r.series.get('tech_contracts_circle');
const m = compileModel(loadXmile(readFileSync('regions.xmile', 'utf8')));
const x = m.run({ constants: { 'rate[north]': 2, 'rate[south]': 3 } });
const errors = [];
for (const f of [() => runChengyu({ lever_science_city_investment: 500 }), () => runChengyu({}, { parameters: { knowledge_depreciation: 5 } })]) {
  try { f(); errors.push('no error'); } catch (e) { errors.push(e.message); }
}
console.log(JSON.stringify({
  years: [r.times[0], r.times.at(-1)], n: tc.length, tc2035: tc.at(-1), base2035: base.series.get('tech_contracts_circle').at(-1),
  total: Array.from(x.series.get('total')), errors,
}));
`);
    const r = node(['use.mjs']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { years: number[]; n: number; tc2035: number; base2035: number; total: number[]; errors: string[] };
    expect(out.years).toEqual([2015, 2035]);
    expect(out.n).toBe(21);
    expect(out.tc2035).toBeGreaterThan(0);
    expect(out.tc2035).not.toBe(out.base2035);
    // level[r](t) = rate[r]·t under Euler, so total(t) = 5t.
    expect(out.total).toEqual(Array.from({ length: 11 }, (_, t) => 5 * t));
    expect(out.errors[0]).toBe('lever input "lever_science_city_investment" (lever science_city, field investment): 500 is out of range; allowed: a number in [0, 200]');
    expect(out.errors[1]).toMatch(/^parameter "knowledge_depreciation": 5 is outside the plausible range \[0\.05, 0\.3\]/);
  }, T);

  it('serves bundlers the browser build (no Node built-ins), which runs the same model', () => {
    const browser = readFileSync(join(installed, 'lib/browser.js'), 'utf8');
    expect(browser).not.toMatch(/from\s*["']node:/);
    const r = node(['--conditions=browser', '--input-type=module', '-e',
      "import { compileModel, loadXmile } from 'chengyu-sim'; import { readFileSync } from 'node:fs';"
      + " console.log(compileModel(loadXmile(readFileSync('regions.xmile', 'utf8'))).run({}).series.get('total').at(-1));"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('20');
  }, T);

  it('its declarations type-check a consumer and catch its type errors', () => {
    writeFileSync(join(project, 'consumer.ts'), `
import { runChengyu, compileModel, loadXmile, type RunResult } from 'chengyu-sim';
const r: RunResult = runChengyu({ lever_corridor_integration: 0.6 }, { parameters: { knowledge_depreciation: 0.2 } });
const s: Float64Array | undefined = r.series.get('tech_contracts_circle');
const t: number = compileModel(loadXmile('<xmile/>')).run({ constants: { r: 1 } }).times[0];
console.log(s, t);
// @ts-expect-error times is a Float64Array (were the declarations missing, this would be any and the directive unused)
const wrong: string = r.times;
// @ts-expect-error runChengyu's options have no such field
runChengyu({}, { speed: 2 });
console.log(wrong);
`);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: ['node'], skipLibCheck: true },
      files: ['consumer.ts'],
    }));
    const r = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, T);

  it('keeps its command: the packed bin runs an XMILE model', () => {
    const r = node([join(installed, 'bin/chengyu-sim.js'), 'run', 'regions.xmile', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^time,/);
    expect(r.stdout.trim().split('\n')).toHaveLength(12);
  }, T);
});
