// Build time only (vite.config.ts): the committed posterior with its draws packed (see
// model/chengyu/posterior-codec.ts) for the page's worker, which unpacks them when loaded.
import { POSTERIOR } from '../../model/chengyu/posterior-data.ts';
import { packDraws, type PackedDraws } from '../../model/chengyu/posterior-codec.ts';
import type { PosteriorFile } from '../../model/chengyu/posterior-types.ts';

/** The committed posterior, its draws packed, every other field as it is (same key order). */
export function workerPosterior(): Omit<PosteriorFile, 'draws'> & { draws: PackedDraws } {
  return { ...POSTERIOR, draws: packDraws(POSTERIOR.draws) };
}
