// An export that cannot be written exactly is refused: the error names each variable and
// the construct the format cannot express, and nothing approximate is written.

/** One thing a format cannot express. */
export interface RefusalIssue {
  /** The variable concerned, as the model names it. */
  variable: string;
  /** What it uses that the format has no exact equivalent for. */
  construct: string;
}

/** An export refused; `issues` lists what could not be expressed. */
export class ExportRefusal extends Error {
  constructor(readonly format: string, readonly issues: RefusalIssue[]) {
    super(`cannot export to ${format}: ${issues.map((i) => `${i.variable}: ${i.construct}`).join('; ')}`);
    this.name = 'ExportRefusal';
  }
}

/** Throw an ExportRefusal. */
export function refuse(format: string, issues: RefusalIssue[]): never {
  throw new ExportRefusal(format, issues);
}
