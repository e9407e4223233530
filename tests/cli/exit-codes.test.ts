// The one exit-code table (2 bad input, 1 runtime failure) and the one message prefix,
// for commander's own errors too, with "did you mean" suggestions on the same line.
import { describe, expect, it, vi } from 'vitest';
import { cli } from './run-cli.ts';

vi.setConfig({ testTimeout: 300_000 });

/** Run, expect exit 2, nothing on stdout, one stderr line; return that line. */
function badInput(args: string[]): string {
  const r = cli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr.trimEnd();
}

describe("commander's errors in the tool's manners", () => {
  it('an unknown command: exit 2, chengyu-sim: prefix, did you mean', () => {
    expect(badInput(['rnu', 'scenarios/baseline.json'])).toBe("chengyu-sim: unknown command 'rnu' (did you mean run?)");
    expect(badInput(['help', 'compre'])).toBe("chengyu-sim: unknown command 'compre' (did you mean compare?)");
  });

  it('an unknown option names the command and suggests the option', () => {
    expect(badInput(['run', 'scenarios/baseline.json', '--outt', 'x.csv'])).toBe(
      "chengyu-sim: run: unknown option '--outt' (did you mean --out?)",
    );
    expect(badInput(['--debgu', 'levers'])).toBe("chengyu-sim: unknown option '--debgu' (did you mean --debug?)");
  });

  it('a missing argument, a bad choice (with a suggestion), too many arguments', () => {
    expect(badInput(['run'])).toBe("chengyu-sim: run: missing required argument 'file'");
    expect(badInput(['levers', '--format', 'jsno'])).toBe(
      "chengyu-sim: levers: option '--format <format>' argument 'jsno' is invalid. Allowed choices are table, json (did you mean json?).",
    );
    expect(badInput(['doc', 'extra'])).toBe('chengyu-sim: doc: too many arguments. Expected 0 arguments but got 1.');
  });

  it('help and --version exit 0 on stdout; the tool\'s own bad input exits 2', () => {
    const help = cli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--mkdir/);
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(badInput(['run', 'nope.json'])).toBe('chengyu-sim: nope.json: cannot read the scenario file (no such file)');
  });
});

describe('did you mean, for the values the tool checks', () => {
  it('suggests the nearest output name for --vars', () => {
    const model = '<?xml version="1.0"?><xmile version="1.0"><header><name>g</name></header><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>'
      + '<model><variables><stock name="stock"><eqn>1</eqn><inflow>growth</inflow></stock><flow name="growth"><eqn>1</eqn></flow></variables></model></xmile>';
    const r = cli(['run', '-', '--vars', 'grwoth'], { input: model });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('chengyu-sim: --vars: "grwoth" is not a variable of the model (did you mean growth?)\n');
  });

  it('suggests the nearest KPI for a scenario run\'s --vars', () => {
    const r = cli(['run', 'scenarios/baseline.json', '--vars', 'hte_circel']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^chengyu-sim: --vars: unknown variable "hte_circel" \(did you mean hte_circle\?\); available: /);
  });

  it('suggests the lever id or field meant in --set', () => {
    expect(badInput(['run', 'scenarios/baseline.json', '--set', 'corridor.integraton=0.5'])).toBe(
      'chengyu-sim: --set: corridor.integraton: unknown field of lever corridor "integraton"; allowed: integration, start_year (did you mean integration?)',
    );
    expect(badInput(['run', 'scenarios/baseline.json', '--set', 'coridor.integration=0.5'])).toMatch(/unknown lever id "coridor"; allowed: .* \(did you mean corridor\?\)$/);
  });
});
