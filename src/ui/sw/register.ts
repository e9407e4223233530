// Registers the service worker that makes the app work offline after the first visit.
// Only in built apps served over http(s): file:// pages cannot have service workers,
// and the dev server's modules are not precached.

/** Register ./sw.js when possible; resolves to the registration or undefined. */
export async function registerOffline(): Promise<ServiceWorkerRegistration | undefined> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return undefined;
  try {
    return await navigator.serviceWorker.register('./sw.js', { scope: './' });
  } catch {
    // Offline support is an extra; the app works without it.
    return undefined;
  }
}
