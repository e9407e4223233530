// The look of the app's modal dialogs (data and method, reach a target): a framed box over a
// dimmed page, a sticky dark title bar with its close button, full screen on phones.
import { css } from 'lit';

/** Shared styles of a `<dialog>` with a `.head` title bar (an `h2` and a close button); `--dialog-width` on the host sets its width. */
export const dialogStyles = css`
  dialog { width: min(var(--dialog-width, 52rem), calc(100vw - 2rem)); max-height: calc(100dvh - 2rem); padding: 0; border: 1px solid #9aa3ad; border-radius: 8px; color: #1b1f24; box-sizing: border-box; }
  dialog::backdrop { background: rgba(11, 30, 50, 0.45); }
  .head { position: sticky; top: 0; z-index: 1; background: #1f4e79; color: #fff; display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: 0.5rem 1rem; }
  h2 { font-size: 1.1rem; margin: 0; }
  .head button { font: inherit; font-size: 0.9rem; background: #fff; color: #1f4e79; border: 0; border-radius: 4px; padding: 0.2rem 0.7rem; cursor: pointer; }
  .head button:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
  h3 { font-size: 0.98rem; color: #1f4e79; }
  p { margin: 0.3rem 0; }
  @media (max-width: 759px) {
    dialog { width: 100vw; max-width: 100vw; max-height: 100dvh; height: 100dvh; margin: 0; border-radius: 0; border: 0; }
  }
`;
