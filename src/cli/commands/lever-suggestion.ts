// "Did you mean" for a mistyped lever id or field in `--set lever.field=value`.
import { findLever, LEVER_IDS } from '../../model/scenario/levers.ts';
import { didYouMean } from '../did-you-mean.ts';

/** ` (did you mean …?)` for the lever id or field of `path` (`id.field`) that does not exist, or ''. */
export function leverSuggestion(path: string): string {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(path);
  if (!m) return '';
  const lever = findLever(m[1]);
  if (!lever) return didYouMean(m[1], LEVER_IDS);
  const fields = lever.fields.map((f) => f.field);
  return fields.includes(m[2]) ? '' : didYouMean(m[2], fields);
}
