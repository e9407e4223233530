// Copy text to the clipboard where the page may: the Clipboard API needs a secure context
// (localhost or https), so over a room's plain-http LAN address it is absent; there the
// older copy command on a selected text field still works in most browsers.

/** How a copy went: by the Clipboard API, by the copy command, or not at all (select the text by hand). */
export type CopyOutcome = 'clipboard' | 'command' | 'none';

/** Copy `text`; `field` is a text field holding it, selected for the fallbacks. */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<CopyOutcome> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // Refused (permissions, no focus): fall through to the field.
    }
  }
  if (!field) return 'none';
  field.focus();
  field.select();
  try {
    // Deprecated but the one way to copy in an insecure context; false when refused.
    return document.execCommand('copy') ? 'command' : 'none';
  } catch {
    return 'none';
  }
}
