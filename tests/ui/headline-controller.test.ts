import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeadlineBands } from '../../src/ui/state/headline-controller.ts';
import type { ModelClient } from '../../src/ui/model-bridge/model-client.ts';
import type { HeadlineDraws } from '../../src/ui/model-bridge/headline-types.ts';

/** A client that records what it was asked and answers at once. */
function fakeClient() {
  const asked: Array<Record<string, number>> = [];
  const client = {
    headline: (constants: Record<string, number>, columns: string[], years: number[], runs: number): Promise<HeadlineDraws> => {
      asked.push(constants);
      return Promise.resolve({ columns, years, runs, values: new Float64Array(columns.length * years.length * runs).fill(constants.x ?? 0) });
    },
  } as unknown as ModelClient;
  return { asked, client };
}

const host = { addController: () => {}, requestUpdate: () => {} } as never;

describe('the headline bands wait for the levers to rest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks nothing while the levers move after the model starts, then the baseline and the last setting', async () => {
    const { asked, client } = fakeClient();
    const bands = new HeadlineBands(host, () => client, (e) => { throw e; });
    bands.start(['c'], {}, {});
    for (let i = 1; i <= 5; i++) {
      await vi.advanceTimersByTimeAsync(50);
      bands.request({ x: i });
    }
    expect(asked).toEqual([]);
    expect(bands.updating).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(asked).toEqual([{}, { x: 5 }]);
    expect(bands.baseline?.values[0]).toBe(0);
    expect(bands.shown?.draws.values[0]).toBe(5);
    expect(bands.updating).toBe(false);
  });

  it('with the levers untouched, the baseline alone, once, a moment after the start', async () => {
    const { asked, client } = fakeClient();
    const bands = new HeadlineBands(host, () => client, (e) => { throw e; });
    bands.start(['c'], {}, {});
    await vi.advanceTimersByTimeAsync(250);
    expect(asked).toEqual([{}]);
    expect(bands.shown?.key).toBe('{}');
    bands.request({ x: 1 });
    bands.request({});
    await vi.advanceTimersByTimeAsync(250);
    expect(asked).toEqual([{}]);
  });
});
