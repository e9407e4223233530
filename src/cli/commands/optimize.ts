// `chengyu-sim optimize`: the cheapest lever package that meets every --target with the asked
// probability over common posterior draws (CMA-ES with feasibility ranking; see
// model/analysis/goal-seek.ts). Prints the targets' probabilities, the package, the
// cost–probability front and the package as a scenario file; progress goes to stderr, and
// --checkpoint FILE keeps the search after every generation so an interrupted run resumes.
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Assessment } from '../../model/analysis/goal-seek.ts';
import { thinEvenly } from '../../model/analysis/thin-evenly.ts';
import type { GoalTarget } from '../../model/analysis/goal-targets.ts';
import type { LeverGoal, LeverGoalResult } from '../../model/chengyu/optimize.ts';
import { findLeverField } from '../../model/scenario/levers.ts';
import { checkLeverValue } from '../../model/scenario/scenario.ts';
import { hashValue } from '../../model/engine/hash.ts';
import { choiceOption } from '../choice-option.ts';
import { CliError } from '../errors.ts';
import { onInterrupt } from '../interrupt.ts';
import { emit, writeOutFile } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { positiveInt } from './calibrate.ts';
import { checkOutPath } from './out-path.ts';
import { collect } from './scenario-input.ts';
import { createFastNodePool, defaultWorkerCount } from '../../model/worker/node-pool.ts';

interface OptimizeOptions {
  target: string[];
  confidence: string;
  budget?: string;
  fix: string[];
  runs: string;
  seed: string;
  generations: string;
  earliestStart: string;
  costYear: string;
  uncertainty: 'posterior' | 'prior';
  checkpoint?: string;
  format?: 'table' | 'json';
  out?: string;
  workers?: string;
}

/** A number option in [lo, hi]; refuses anything else naming the option. */
function numberIn(name: string, text: string, lo: number, hi: number): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < lo || v > hi) throw new CliError(`${name}: ${JSON.stringify(text)} is not allowed; allowed: a number in [${lo}, ${hi}]`);
  return v;
}

/** `--fix lever.field=value` options as checked values. */
function parseFixes(fixes: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const text of fixes) {
    const m = /^([a-z_]+)\.([a-z_]+)=(.+)$/.exec(text.trim());
    if (!m) throw new CliError(`--fix ${JSON.stringify(text)}: expected lever.field=value (e.g. parks.count=2)`);
    const f = findLeverField(m[1], m[2]);
    if (!f) throw new CliError(`--fix ${text}: no lever field ${m[1]}.${m[2]} (see \`chengyu-sim levers\`)`);
    const v = Number(m[3]);
    const problem = checkLeverValue(f, Number.isNaN(v) ? m[3] : v);
    if (problem) throw new CliError(`--fix ${text}: ${problem.en}`);
    out[`${m[1]}.${m[2]}`] = v;
  }
  return out;
}

const fmt = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
const pct = (p: number) => `${(100 * p).toFixed(0)} %`;

/** Levers a package switches on, as `lever.field=value` text. */
function leverText(r: Pick<LeverGoalResult, 'levers'>): string[] {
  return Object.entries(r.levers).flatMap(([id, fields]) => Object.entries(fields as Record<string, number>).map(([f, v]) => `${id}.${f}=${Number.isInteger(v) ? v : v.toFixed(3)}`));
}

/** The report of a search as aligned text. */
function reportText(goal: LeverGoal, r: LeverGoalResult, targets: readonly GoalTarget[], scenarioJson: string, split: { sichuan: number; chongqing: number } | undefined, out?: string): string {
  const need = pct(goal.confidence);
  const lines: string[] = [];
  const targetTable = (a: Assessment) =>
    renderTable(
      ['target', `reached with ${need} probability`, 'probability'],
      targets.map((t, k) => [t.text, fmt(a.meetings[k].reached), pct(a.meetings[k].probability)]),
      ['left', 'right', 'right'],
    );
  if (r.baselineMeets) {
    lines.push(`The baseline already meets every target with at least ${need} probability over ${goal.runs} common posterior draws: the answer is the empty package, cost 0.`, targetTable(r.best));
    return `${lines.join('\n')}\n`;
  }
  if (!r.best.feasible) {
    const worst = targets.map((t, k) => ({ t, m: r.best.meetings[k] })).filter((x) => x.m.probability < goal.confidence || x.m.shortfall > 0);
    const budget = Number.isFinite(goal.budget) && r.best.cost > goal.budget ? ` within the budget of ${fmt(goal.budget)} 亿元` : '';
    const how = r.unreachable
      ? `even with every lever at its strongest from ${goal.earliestStart ?? 2026}`
      : `the closest package found (${r.evaluations} packages over ${r.generations} generations)`;
    lines.push(
      `Not reachable within the lever ranges${budget}: ${how}, ` +
        worst.map(({ t, m }) => `${t.output} reaches ${fmt(m.reached)} by ${t.year} with ${need} probability (target ${t.op} ${t.value}: probability ${m.probability.toFixed(2)})`).join('; ') +
        '.',
    );
    lines.push('', 'The closest package:', targetTable(r.best));
  } else {
    lines.push(`Cheapest package found: cumulative cost ${fmt(r.best.cost)} 亿元 to ${goal.costYear ?? 2035} (mean over ${goal.runs} common posterior draws); ${r.evaluations} packages over ${r.generations} generations.`);
    if (split) lines.push(`Paid by Sichuan ${fmt(split.sichuan)} 亿元 (${pct(split.sichuan / (split.sichuan + split.chongqing))}), by Chongqing ${fmt(split.chongqing)} 亿元 (${pct(split.chongqing / (split.sichuan + split.chongqing))}).`);
    lines.push(targetTable(r.best));
  }
  lines.push('', 'Levers:', ...(leverText(r).length ? leverText(r).map((l) => `  ${l}`) : ['  (none)']));
  if (r.front.length > 1) {
    lines.push('', 'Cost–probability front (no cheaper package is as likely to meet the least likely target):');
    lines.push(
      renderTable(
        ['cost 亿元', ...targets.map((t) => `P(${t.text})`)],
        thinEvenly([...r.front].sort((a, b) => a.cost - b.cost), 12).map((a) => [fmt(a.cost), ...a.meetings.map((m) => pct(m.probability))]),
        ['right', ...targets.map(() => 'right' as const)],
      ),
    );
  }
  if (r.best.feasible) lines.push('', out ? `Scenario written to ${out}.` : 'As a scenario file:', ...(out ? [] : [scenarioJson.trimEnd()]));
  return `${lines.join('\n')}\n`;
}

/** The result as JSON for scripts. */
function reportJson(goal: LeverGoal, r: LeverGoalResult, scenario: unknown, split: { sichuan: number; chongqing: number } | undefined): string {
  const a = (x: Assessment) => ({
    cost: x.cost,
    feasible: x.feasible,
    targets: goal.targets.map((t, k) => ({ target: t.text, probability: x.meetings[k].probability, reached: x.meetings[k].reached })),
    package: x.pkg,
  });
  return `${JSON.stringify({ confidence: goal.confidence, runs: goal.runs, seed: goal.seed, baselineMeets: r.baselineMeets, feasible: r.best.feasible, unreachable: r.unreachable, costSplit: split ?? null, evaluations: r.evaluations, generations: r.generations, best: a(r.best), scenario, front: r.front.map(a) }, null, 2)}\n`;
}

/** Register `optimize`. */
export function register(program: Command): void {
  program
    .command('optimize')
    .description('the cheapest lever package meeting every target with a given probability over common posterior draws')
    .requiredOption('--target <output@year>=value>', 'a target, e.g. rd_intensity_sichuan@2030>=2.5 or hte_circle@2030>=40000 (repeatable; <= also works)', collect, [])
    .option('--confidence <p>', 'probability with which every target must be met', '0.8')
    .option('--budget <亿元>', 'largest cumulative cost allowed (100 million CNY)')
    .option('--fix <lever.field=value>', 'hold a lever field at a value instead of searching it (repeatable)', collect, [])
    .option('--runs <n>', 'common posterior draws per package', '100')
    .option('--seed <n>', 'seed of the draws and the search', '1')
    .option('--generations <n>', 'CMA-ES generations', '40')
    .option('--earliest-start <year>', 'earliest start year the search may choose', '2026')
    .option('--cost-year <year>', 'year up to which the cost is summed', '2035')
    .addOption(choiceOption('--uncertainty <source>', 'uncertain inputs: the joint posterior or the registry priors of the uncertain parameters (calibrated ones fixed at their fit)', ['posterior', 'prior']).default('posterior'))
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--checkpoint <file>', 'keep the search in FILE after every generation; the same command with the same FILE resumes it')
    .addOption(choiceOption('--format <format>', 'report format (default: table, or json for a .json --out)', ['table', 'json']))
    .option('--out <file>', 'write the package as a scenario file (.json), or with --format json the whole report')
    .action(async (opts: OptimizeOptions) => {
      const { parseGoalTarget } = await import('../../model/analysis/goal-targets.ts');
      const targets = opts.target.map((t) => {
        try {
          return parseGoalTarget(t);
        } catch (err) {
          throw new CliError(`--target: ${(err as Error).message}`);
        }
      });
      if (targets.length === 0) throw new CliError('--target: give at least one target');
      const confidence = numberIn('--confidence', opts.confidence, 0.01, 1);
      const budget = opts.budget === undefined ? Infinity : numberIn('--budget', opts.budget, 0, 1e7);
      const runs = positiveInt('--runs', opts.runs, 100000)!;
      const seed = positiveInt('--seed', opts.seed, 2 ** 31)!;
      const generations = positiveInt('--generations', opts.generations, 10000)!;
      const earliestStart = numberIn('--earliest-start', opts.earliestStart, 2016, 2035);
      const costYear = numberIn('--cost-year', opts.costYear, 2016, 2035);
      if (!Number.isInteger(earliestStart) || !Number.isInteger(costYear)) throw new CliError('--earliest-start and --cost-year must be whole years');
      const fixed = parseFixes(opts.fix);
      const workers = opts.workers === undefined ? defaultWorkerCount() : positiveInt('--workers', opts.workers, 256)!;
      const format = opts.format ?? 'table';
      if (opts.out && !opts.out.endsWith('.json') && opts.out !== '-') throw new CliError(`--out ${opts.out}: a scenario file must end in .json`);
      checkOutPath(opts.out);
      checkOutPath(opts.checkpoint, '--checkpoint');
      const { checkGoalTargets, leverDecisions, leverSearchRef, optimizeLevers, packageCostSplit, packageScenario } = await import('../../model/chengyu/optimize.ts');
      try {
        checkGoalTargets(targets);
        leverDecisions(fixed, earliestStart);
      } catch (err) {
        throw new CliError(`--target: ${(err as Error).message}`);
      }
      const goal: LeverGoal = { targets, confidence, budget, fixed, runs, seed, generations, earliestStart, costYear, uncertainty: opts.uncertainty };
      // A checkpoint belongs to one question: everything but the number of generations.
      const key = hashValue({ targets: targets.map((t) => t.text), confidence, budget: String(budget), fixed, runs, seed, earliestStart, costYear, uncertainty: opts.uncertainty });
      if (opts.checkpoint && existsSync(opts.checkpoint)) {
        let saved: { key?: string; state?: LeverGoal['resume'] };
        try {
          saved = JSON.parse(readFileSync(opts.checkpoint, 'utf8')) as typeof saved;
        } catch (err) {
          throw new CliError(`--checkpoint ${opts.checkpoint}: not a checkpoint of optimize (${(err as Error).message})`);
        }
        if (saved.key !== key || !saved.state) throw new CliError(`--checkpoint ${opts.checkpoint}: saved by optimize with other targets or options; use another file or remove it`);
        goal.resume = saved.state;
        process.stderr.write(`optimize: resuming from ${opts.checkpoint} at generation ${saved.state.cma.generation}\n`);
      }
      let done = goal.resume?.cma.generation ?? 0;
      const stopInterrupt = onInterrupt(() =>
        opts.checkpoint
          ? `optimize: interrupted after generation ${done}; the search is kept in ${opts.checkpoint}: run the same command to resume\n`
          : `optimize: interrupted after generation ${done}; nothing kept (give --checkpoint FILE to make a search resumable)\n`,
      );
      goal.onGeneration = (state, line) => {
        done = state.cma.generation;
        if (opts.checkpoint) writeOutFile(opts.checkpoint, `${JSON.stringify({ key, state })}\n`, '--checkpoint');
        process.stderr.write(`optimize: ${line}\n`);
      };
      process.stderr.write(`optimize: ${targets.length} target(s), ${runs} common draws per package, up to ${generations} generations …\n`);
      const { poolEvaluator } = await import('../../model/worker/pool-evaluate.ts');
      // Packages of a generation run as one design on the worker pool (results never depend on its size).
      const pool = await createFastNodePool(workers);
      let result: LeverGoalResult;
      try {
        const job = { model: { kind: 'chengyu' as const, ...leverSearchRef(goal) }, runs: 1, seed: 0, sampling: 'random' as const };
        const info = await pool.describe(job);
        result = await optimizeLevers(goal, poolEvaluator(pool, job, info.params.length, 0, goal.runs));
      } finally {
        pool.close();
        stopInterrupt();
      }
      const scenario = packageScenario(result, goal);
      const split = result.best.feasible && result.best.cost > 0 ? packageCostSplit(goal, result.best.pkg) : undefined;
      const scenarioJson = `${JSON.stringify({ $schema: './scenario.schema.json', ...scenario }, null, 2)}\n`;
      if (format === 'json') {
        await emit(reportJson(goal, result, scenario, split), opts.out);
        return;
      }
      if (opts.out && opts.out !== '-' && result.best.feasible) writeOutFile(opts.out, scenarioJson);
      await emit(reportText(goal, result, targets, scenarioJson, split, opts.out && opts.out !== '-' && result.best.feasible ? opts.out : undefined));
    });
}
