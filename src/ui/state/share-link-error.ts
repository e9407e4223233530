// The error a share link that cannot be opened raises: a technical message in English
// and Chinese naming the field and the problem, and what kind of problem it is, so the
// page can explain it in plain words (truncated, not from this app, newer version, …).

/** What is wrong with a link, as the person who got it would put it. */
export type LinkProblemKind =
  /** Cut off when it was copied or forwarded. */
  | 'truncated'
  /** Not made by this app, or garbled. */
  | 'foreign'
  /** Made by a newer version of the app (a link format this page does not know). */
  | 'newer'
  /** Changed after it was made, or made with other presets (its check code does not match). */
  | 'altered'
  /** A lever value out of its range or of the wrong kind (see `lever`, `field`, `value`). */
  | 'value'
  /** Anything else the app does not accept (unknown area, too many pins, unknown key …). */
  | 'invalid';

/** Details of a problem, for the plain explanation. */
export interface LinkProblemInfo {
  /** Link format version the link says it has (kind "newer"). */
  version?: number;
  /** Lever id and field name of a bad value (kind "value"). */
  lever?: string;
  field?: string;
  /** The bad value as the link gave it. */
  value?: unknown;
}

/** A share link that cannot be opened; `message` (English) and `zh` name the field and the problem. */
export class ShareLinkError extends Error {
  constructor(
    message: string,
    readonly zh: string,
    readonly kind: LinkProblemKind = 'invalid',
    readonly info: LinkProblemInfo = {},
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}
