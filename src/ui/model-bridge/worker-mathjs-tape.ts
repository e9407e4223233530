// Build time only (vite.config.ts): the mathjs tape of the regional model (see
// model/engine/mathjs-tape.ts), recorded while compiling it and building runners of every
// column, as the page's worker will. The worker replays it instead of bundling mathjs.
import { compileModel } from '../../model/engine/model.ts';
import { recordMathjs } from '../../model/engine/node/mathjs.ts';
import type { MathjsTape } from '../../model/engine/mathjs-tape.ts';
import { getChengyuSpec } from '../../model/chengyu/run.ts';

/** Record what compiling the regional model asks mathjs. */
export function workerMathjsTape(): MathjsTape {
  return recordMathjs(() => {
    const model = compileModel(getChengyuSpec());
    // Runners of any columns (the graphs menu's) use what the compile parsed; built here so a later need is caught at build time.
    model.createRunner({ outputs: [...model.columns] });
  });
}
