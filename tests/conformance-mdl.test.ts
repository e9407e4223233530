// Conformance of the Vensim .mdl reader: runs ../shared/tools/conformance.mjs with --ext mdl
// over ../shared/test-models through the real CLI. Skips loudly when the suite is not present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SUITE = resolve(ROOT, '../shared/test-models');
const TOOL = resolve(ROOT, '../shared/tools/conformance.mjs');
const present = existsSync(SUITE) && existsSync(TOOL);

// Every required .mdl case, each of which passes today: a regression names the case.
const PASSING = [
  'samples/teacup/teacup.mdl', 'samples/teacup/teacup_mdl.mdl',
  'tests/builtin_max/builtin_max.mdl', 'tests/builtin_min/builtin_min.mdl',
  'tests/chained_initialization/test_chained_initialization.mdl', 'tests/constant_expressions/test_constant_expressions.mdl',
  'tests/exp/test_exp.mdl', 'tests/exponentiation/exponentiation.mdl', 'tests/game/test_game.mdl', 'tests/if_stmt/if_stmt.mdl',
  'tests/initial_function/test_initial.mdl', 'tests/limits/test_limits.mdl', 'tests/line_breaks/test_line_breaks.mdl',
  'tests/ln/test_ln.mdl', 'tests/log/test_log.mdl', 'tests/logicals/test_logicals.mdl', 'tests/lookups/test_lookups.mdl',
  'tests/model_doc/model_doc.mdl', 'tests/smooth_and_stock/test_smooth_and_stock.mdl', 'tests/sqrt/test_sqrt.mdl',
  'tests/subscript_constant_call/test_subscript_constant_call.mdl',
  'tests/subscript_individually_defined_1d_arrays/subscript_individually_defined_1d_arrays.mdl',
  'tests/subscript_multiples/test_multiple_subscripts.mdl', 'tests/subscript_subranges/test_subscript_subrange.mdl',
  'tests/subscript_updimensioning/test_subscript_updimensioning.mdl', 'tests/subscripted_trig/test_subscripted_trig.mdl',
  'tests/trig/test_trig.mdl', 'tests/xidz_zidz/xidz_zidz.mdl', 'tests/zeroled_decimals/test_zeroled_decimals.mdl',
];

const MACROS = ['expression', 'multi_expression', 'multi_macros', 'stock'].map((m) => `tests/macro_${m}/test_macro_${m}.mdl`);

interface CaseResult { model: string; optional: boolean; ok: boolean; problems: string[] }

describe('conformance (SD test models, Vensim .mdl)', () => {
  if (!present) {
    console.warn(`SKIPPING .mdl conformance: ${SUITE} or ${TOOL} is not present on this machine`);
    it.skip(`conformance (.mdl): ${SUITE} not present`, () => {});
    return;
  }
  it('every required .mdl case and every macro case passes', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'cy-conf-mdl-')), 'results.json');
    const r = spawnSync(process.execPath, [TOOL, '--dir', SUITE, '--ext', 'mdl', '--cmd', `${process.execPath} bin/chengyu-sim.js run {model} --format csv`, '--json', json, '--timeout', '120'], {
      cwd: ROOT, encoding: 'utf8', timeout: 1_500_000,
    });
    const results = JSON.parse(readFileSync(json, 'utf8')) as CaseResult[];
    const required = results.filter((c) => !c.optional);
    expect(required.map((c) => c.model).sort()).toEqual([...PASSING].sort());
    for (const c of required) expect(c.ok, `${c.model}: ${c.problems.join('; ')}`).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`${PASSING.length} passed, 0 failed\\n$`));
    // The optional cases are the four macro models: all pass too.
    const optional = results.filter((c) => c.optional);
    expect(optional.map((c) => c.model).sort()).toEqual(MACROS);
    for (const c of optional) expect(c.ok, `${c.model}: ${c.problems.join('; ')}`).toBe(true);
  }, 1_600_000);
});
