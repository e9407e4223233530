// Vensim .mdl import: loadMdl(text) → ModelSpec (equations in the native language).
export { loadMdl, importMdl, equationSection } from './load.ts';
export type { MdlImport, MdlPlace } from './load.ts';
export { parseMdl, MdlSyntaxError } from './grammar.ts';
