// The preset scenarios shipped in scenarios/*.json, bundled at build time (no fetch, so
// they work offline and from file://) and validated like any scenario file.
import { validateScenario, type Scenario } from '../../model/scenario/scenario.ts';
import { presetOrder } from './preset-order.ts';

/** A preset scenario and the file it came from. */
export interface Preset {
  file: string;
  scenario: Scenario;
}

const files = import.meta.glob<unknown>(['../../../scenarios/*.json', '!../../../scenarios/*.schema.json'], {
  eager: true,
  import: 'default',
});

/** Valid presets, baseline first, then by file name. */
export const PRESETS: readonly Preset[] = presetOrder(
  Object.entries(files).map(([path, value]) => {
    const file = path.split('/').pop() as string;
    return { file, scenario: validateScenario(value, `scenarios/${file}`) };
  }),
);
