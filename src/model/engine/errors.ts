// ModelError: what compileModel throws when a model cannot run; carries every problem found.
import type { Diagnostic } from './types.ts';

/** Format one diagnostic as a single readable line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.variable !== undefined ? `${d.variable}: ` : '';
  const pos = d.position !== undefined ? ` (at character ${d.position + 1})` : '';
  return `${where}${d.message}${pos}`;
}

/** A model failed its checks (or could not be read); `diagnostics` lists every problem. */
export class ModelError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], summary?: string) {
    const first = diagnostics.slice(0, 3).map(formatDiagnostic).join('; ');
    const more = diagnostics.length > 3 ? ` (and ${diagnostics.length - 3} more)` : '';
    super(summary ?? `${first}${more}`);
    this.name = 'ModelError';
    this.diagnostics = diagnostics;
  }
}
