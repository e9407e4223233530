import { describe, expect, it } from 'vitest';
import { presetOrder } from '../../src/ui/state/preset-order.ts';

describe('the preset menu order', () => {
  it('puts the baseline first, then the presets by file name, without changing the input', () => {
    const items = [
      { file: 'rd-support.json', scenario: { id: 'rd_support' } },
      { file: 'corridor.json', scenario: { id: 'corridor' } },
      { file: 'paper-package.json', scenario: { id: 'paper_package' } },
      { file: 'baseline.json', scenario: { id: 'baseline' } },
      { file: 'corridor-2030.json', scenario: { id: 'corridor_2030' } },
    ];
    const before = items.map((i) => i.file);
    expect(presetOrder(items).map((i) => i.file)).toEqual(['baseline.json', 'corridor-2030.json', 'corridor.json', 'paper-package.json', 'rd-support.json']);
    expect(items.map((i) => i.file)).toEqual(before);
  });
});
