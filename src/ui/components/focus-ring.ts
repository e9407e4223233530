// The keyboard focus ring every component uses: dark navy, 3 px, offset from the control,
// at least 3:1 against the white and light-grey backgrounds and the controls' own borders
// (the old amber ring had 2.25:1 on white).
import { css, unsafeCSS } from 'lit';

/** Colour of the focus ring (12:1 on white, 11:1 on the page's #f6f7f9). */
export const FOCUS_COLOR = '#0b2e59';
/** Colour of a focus ring over the dark blue header (6:1 on #1f4e79). */
export const HEADER_FOCUS_COLOR = '#ffd166';

/** Shared styles: a visible ring on keyboard focus for every focusable control. */
export const focusRing = css`
  :is(button, input, select, summary, a, [tabindex]):focus-visible {
    outline: 3px solid ${unsafeCSS(FOCUS_COLOR)};
    outline-offset: 2px;
  }
`;
