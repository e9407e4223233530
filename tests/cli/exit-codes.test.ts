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
    expect(badInput(['doc', 'extra'])).toMatch(/^chengyu-sim: doc: too many arguments/);
  });

  it('help and --version exit 0 on stdout; the tool\'s own bad input exits 2', () => {
    const help = cli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--mkdir/);
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(badInput(['run', 'nope.json'])).toBe('chengyu-sim: nope.json: cannot read the scenario file (no such file)');
  });
});
