// `chengyu-sim bench MODEL.xmile [--runs N] [--format json]`: time N runs of the compiled
// model in this process after a warm-up, and the same model through mathjs's own
// evaluator (`compile().evaluate()`) as a baseline ratio.
import { Command } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { inputName } from '../read-input.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

interface BenchOptions {
  runs: string;
  format?: 'text' | 'json';
  out?: string;
}

function timeIt(f: () => unknown, runs: number): number {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  return ((performance.now() - t0) * 1000) / runs;
}

/** Register `bench`. */
export function register(program: Command): void {
  program
    .command('bench')
    .description('time runs of an XMILE model, against mathjs\'s evaluator as a baseline')
    .argument('<model>', 'XMILE (.xmile, .stmx) or Vensim (.mdl) model; - for stdin')
    .option('--runs <n>', 'number of timed runs', '1000')
    .addOption(choiceOption('--format <format>', 'output format (default: text, or from the --out extension: .txt, .json)', ['text', 'json']))
    .option('--out <file>', 'write to a file (atomically) instead of stdout (- for stdout)')
    .action(async (file: string, opts: BenchOptions) => {
      const runs = Number(opts.runs);
      if (!Number.isInteger(runs) || runs < 1) throw new CliError(`--runs must be a whole number ≥ 1 (got ${opts.runs})`);
      const format = outFormat(opts.out, opts.format, { '.txt': 'text', '.json': 'json' }) ?? 'text';
      checkOutPath(opts.out);
      // Loaded on use: registering the command must not load the engine or all of mathjs.
      const { loadXmileModel } = await import('./run-xmile.ts');
      const { mathjsBaseline } = await import('../../model/engine/mathjs-baseline.ts');
      const model = loadXmileModel(file);
      const runner = model.createRunner({ outputs: model.columns });
      const warm = Math.min(runs, 100);
      for (let i = 0; i < warm; i++) runner.run();
      const perRun = timeIt(() => runner.run(), runs);
      const base = mathjsBaseline(model.spec);
      let baselineUs: number | null = null;
      let note: string | null = null;
      if ('unsupported' in base) note = `baseline not available for this model (${base.unsupported})`;
      else {
        base.run();
        // The evaluator is slow: time it for about the same wall time as the engine, at most `runs` runs.
        const probe = timeIt(base.run, 1);
        const n = Math.max(1, Math.min(runs, Math.round((perRun * runs) / Math.max(probe, 1))));
        baselineUs = timeIt(base.run, n);
      }
      const result = {
        model: inputName(file),
        runs,
        steps: Math.round((model.spec.sim.stop - model.spec.sim.start) / model.spec.sim.dt),
        variables: model.columns.length,
        per_run_us: perRun,
        baseline_mathjs_us: baselineUs,
        speedup_vs_mathjs: baselineUs === null ? null : baselineUs / perRun,
        ...(note ? { note } : {}),
      };
      const text = format === 'json'
        ? `${JSON.stringify(result, null, 2)}\n`
        : `${inputName(file)}: ${perRun.toFixed(2)} µs per run (${runs} runs, ${result.steps} steps, ${result.variables} series)\n`
          + (baselineUs === null ? `${note}\n` : `mathjs evaluator: ${baselineUs.toFixed(1)} µs per run → ${(baselineUs / perRun).toFixed(1)}× faster\n`);
      await emit(text, opts.out);
    });
}
