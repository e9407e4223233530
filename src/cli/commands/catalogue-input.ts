// The model `vars` and `describe` read: the regional model by default, or an XMILE file;
// its variable catalogue plus what the regional model knows about its parameters and levers.
import type { CatalogueEntry } from '../../model/engine/variable-catalogue.ts';
import type { VariableNotes } from '../../model/chengyu/variable-notes.ts';
import { CliError } from '../errors.ts';
import { inputName } from '../read-input.ts';
import { MDL_EXTENSIONS, XMILE_EXTENSIONS } from './run.ts';
import { basename, extname } from 'node:path';

/** A model's variables for reading. */
export interface Catalogue {
  /** "chengyu" or the model file's name (without its directory). */
  model: string;
  /** The model as messages name it: "chengyu", or the path as given. */
  shown: string;
  entries: CatalogueEntry[];
  /** Extra facts (ranges, provenance) about one variable, where the model has them. */
  notes(name: string): VariableNotes | undefined;
}

/** Load the catalogue of `model` (absent: the regional model; else an XMILE or .mdl file, or `-`). */
export async function loadCatalogue(model: string | undefined): Promise<Catalogue> {
  const { variableCatalogue } = await import('../../model/engine/variable-catalogue.ts');
  if (model === undefined || model === 'chengyu') {
    const [{ getChengyuModel }, { chengyuVariableNotes }] = await Promise.all([import('../../model/chengyu/run.ts'), import('../../model/chengyu/variable-notes.ts')]);
    const entries = variableCatalogue(getChengyuModel()).map((e) => {
      const label = e.label ?? chengyuVariableNotes(e.name)?.label;
      return label ? { ...e, label } : e;
    });
    return { model: 'chengyu', shown: 'chengyu', entries, notes: chengyuVariableNotes };
  }
  const ext = extname(model).toLowerCase();
  if (model !== '-' && !XMILE_EXTENSIONS.includes(ext) && !MDL_EXTENSIONS.includes(ext)) {
    throw new CliError(`${inputName(model)}: not an XMILE or Vensim model; allowed: ${[...XMILE_EXTENSIONS, ...MDL_EXTENSIONS].join(', ')}, - (stdin), or no MODEL for the regional model`);
  }
  const { loadXmileModel } = await import('./run-xmile.ts');
  return { model: basename(inputName(model)), shown: inputName(model), entries: variableCatalogue(loadXmileModel(model)), notes: () => undefined };
}
