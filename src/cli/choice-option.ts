// An option with a fixed set of values whose error suggests the nearest one:
// `--format jsno` → "Allowed choices are csv, json (did you mean json?)".
import { InvalidArgumentError, Option } from 'commander';
import { didYouMean } from './did-you-mean.ts';

/** `new Option(flags, description).choices(choices)`, with a "did you mean" in its error. */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  const option = new Option(flags, description).choices(choices);
  option.argParser((value: string) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}${didYouMean(value, choices)}.`);
    return value;
  });
  return option;
}
