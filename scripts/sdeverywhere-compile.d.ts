// Types of the part of @sdeverywhere/compile (untyped JavaScript) that scripts/sde-mdl.ts uses.
declare module '@sdeverywhere/compile' {
  /** Parse a Vensim or XMILE model and generate code (`operations` includes 'generateJS'). */
  export function parseAndGenerate(input: string, modelKind: string, spec: object, operations: string[], modelDirname: string, modelName: string, buildDir: string): Promise<string>;
  /** Reset the compiler's module-level state between models. */
  export function resetState(): void;
}
