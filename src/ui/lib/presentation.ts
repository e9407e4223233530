// Presentation mode in the address: `?present` turns it on (a facilitator's bookmark), and
// the page keeps the query in step when the mode is toggled. The fragment stays the
// share link's, so a shared link opens in whatever mode its recipient prefers.

/** Whether `href` asks for presentation mode (`?present`, `?present=1`; not `?present=0`). */
export function isPresentUrl(href: string): boolean {
  const v = new URL(href).searchParams.get('present');
  return v !== null && v !== '0' && v !== 'false';
}

/** `href` with presentation mode on or off (other query parameters and the fragment kept). */
export function presentUrl(href: string, on: boolean): string {
  const u = new URL(href);
  if (on) u.searchParams.set('present', '1');
  else u.searchParams.delete('present');
  return u.href;
}

/** Whether a key press went to a place where it types text (a one-key shortcut must not fire there). */
export function isTypingTarget(target: EventTarget | undefined): boolean {
  const el = target as HTMLElement | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag !== 'input') return false;
  return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes((el as HTMLInputElement).type);
}
