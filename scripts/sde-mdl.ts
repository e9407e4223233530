// Compile a Vensim .mdl with SDEverywhere (@sdeverywhere/compile, JavaScript code generation)
// and run the generated model with @sdeverywhere/runtime, for the export cross-check
// (tests/export) and the benchmark (bench/export.bench.ts). Dev dependencies only: never
// imported by the app or the CLI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A run of SDEverywhere's generated model: saved times and a series per output column. */
export interface SdeRun {
  times: number[];
  series: Map<string, Float64Array>;
}

/** A compiled model: run it as often as needed. */
export interface SdeModel {
  /** The generated JavaScript (for inspection). */
  code: string;
  run(): SdeRun;
}

/** SDEverywhere's id of one of our columns: `x[a,b]` → `_x[_a,_b]`. */
export function sdeVarId(column: string): string {
  const id = (s: string) => `_${s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  const m = /^(.*?)\[(.*)\]$/.exec(column);
  return m ? `${id(m[1])}[${m[2].split(',').map(id).join(',')}]` : id(column);
}

/**
 * Compile `mdl` with SDEverywhere, outputs `columns` (our column names), and load the
 * generated module. @sdeverywhere/compile calls XLSX.set_fs, which the registry's xlsx 0.18.5
 * does not have (it requires fs itself): a no-op fills it in before the compiler loads.
 */
export async function compileWithSde(mdl: string, columns: string[]): Promise<SdeModel> {
  const xlsx = (await import('xlsx')).default as unknown as { set_fs?: (fs: unknown) => void };
  xlsx.set_fs ??= () => {};
  const { parseAndGenerate, resetState } = await import('@sdeverywhere/compile');
  const runtime = await import('@sdeverywhere/runtime');
  const dir = mkdtempSync(join(tmpdir(), 'chengyu-sde-'));
  try {
    resetState();
    const ids = columns.map(sdeVarId);
    // The compiler logs a line for every output name with an underscore (its C-name lookup
    // misreads them); those lines say nothing about the model, so they are dropped.
    const log = console.error;
    console.error = () => {};
    let code: string;
    try {
      code = await parseAndGenerate(mdl, 'vensim', { outputVarNames: columns.map(toVensimName) }, ['generateJS'], dir, 'model', dir);
    } finally {
      console.error = log;
    }
    writeFileSync(join(dir, 'model.js'), code);
    const mod = (await import(pathToFileURL(join(dir, 'model.js')).href)) as { default: () => Promise<unknown> };
    const generated = await mod.default();
    const runner = runtime.createSynchronousModelRunner(generated as Parameters<typeof runtime.createSynchronousModelRunner>[0]);
    return {
      code,
      run(): SdeRun {
        const outputs = runner.createOutputs();
        runner.runModelSync!([], outputs);
        const series = new Map<string, Float64Array>();
        outputs.varSeries.forEach((s, i) => {
          if (s.varId !== ids[i]) throw new Error(`SDEverywhere output ${i} is ${s.varId}, expected ${ids[i]}`);
          series.set(columns[i], Float64Array.from(s.points, (p) => p.y));
        });
        const times = outputs.varSeries[0]?.points.map((p) => p.x) ?? [];
        return { times, series };
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our column name as SDEverywhere's spec lists outputs (`x[a, b]`). */
function toVensimName(column: string): string {
  return column.replace(/,/g, ', ');
}
