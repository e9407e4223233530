// Registers the service worker that makes the app work offline after the first visit,
// and tells the page how far that got. Only in built apps served from localhost or https:
// file:// pages and plain-http LAN addresses cannot have service workers (browsers allow
// them only in secure contexts), and the dev server's modules are not precached.

/** Why the app cannot work offline here. */
export type OfflineReason = 'dev' | 'file' | 'insecure' | 'unsupported' | 'untrusted' | 'failed';

/** How ready for offline use the app is. */
export type OfflineState =
  | { kind: 'checking' }
  | { kind: 'installing' }
  | { kind: 'ready'; files: number }
  | { kind: 'partial'; cached: number; total: number }
  | { kind: 'unavailable'; reason: OfflineReason };

/** What decides whether a service worker can be tried at all. */
export interface OfflineEnv {
  prod: boolean;
  protocol: string;
  secure: boolean;
  hasServiceWorker: boolean;
}

/** The reason no service worker can be registered in `env`, or undefined when one can. */
export function offlineBlocker(env: OfflineEnv): OfflineReason | undefined {
  if (!env.prod) return 'dev';
  if (env.protocol === 'file:') return 'file';
  if (!env.protocol.startsWith('http')) return 'unsupported';
  // Browsers hide navigator.serviceWorker outside secure contexts: say why, not "unsupported".
  if (!env.secure) return 'insecure';
  if (!env.hasServiceWorker) return 'unsupported';
  return undefined;
}

let registration: Promise<ServiceWorkerRegistration | OfflineReason> | undefined;

/** Register ./sw.js once; resolves to the registration or the reason there is none. */
function register(): Promise<ServiceWorkerRegistration | OfflineReason> {
  registration ??= (async () => {
    const blocker = offlineBlocker({
      prod: import.meta.env.PROD,
      protocol: location.protocol,
      secure: window.isSecureContext,
      hasServiceWorker: 'serviceWorker' in navigator,
    });
    if (blocker) return blocker;
    try {
      // A browser (or a test harness) that blocks service workers by policy may resolve to nothing.
      return (await navigator.serviceWorker.register('./sw.js', { scope: './' })) ?? 'failed';
    } catch (err) {
      // Chrome refuses a worker from a server whose certificate it does not trust (a room's self-signed one).
      const untrusted = /SSL|certificate/i.test(String(err)) || (err instanceof DOMException && err.name === 'SecurityError' && location.protocol === 'https:');
      return untrusted ? 'untrusted' : 'failed';
    }
  })();
  return registration;
}

/** Register ./sw.js when possible; resolves to the registration or undefined. */
export async function registerOffline(): Promise<ServiceWorkerRegistration | undefined> {
  const r = await register();
  return typeof r === 'string' ? undefined : r;
}

/** Ask the active worker how many of its files are cached. */
function askCache(worker: ServiceWorker): Promise<{ total: number; cached: number }> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error('no answer')), 10_000);
    channel.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(e.data as { total: number; cached: number });
    };
    worker.postMessage({ type: 'chengyu-offline-check' }, [channel.port2]);
  });
}

/** Report the offline state to `onState` as it changes (checking → installing → ready, or why not). */
export async function watchOffline(onState: (s: OfflineState) => void): Promise<void> {
  onState({ kind: 'checking' });
  const r = await register();
  if (typeof r === 'string') {
    onState({ kind: 'unavailable', reason: r });
    return;
  }
  if (!r.active) {
    onState({ kind: 'installing' });
    // A worker whose install fails (a file could not be fetched) becomes redundant, and `ready` never comes.
    const sw = r.installing ?? r.waiting;
    sw?.addEventListener('statechange', () => {
      if (sw.state === 'redundant' && !r.active) onState({ kind: 'unavailable', reason: 'failed' });
    });
  }
  const ready = await navigator.serviceWorker.ready;
  try {
    const { total, cached } = await askCache(ready.active as ServiceWorker);
    onState(cached === total ? { kind: 'ready', files: total } : { kind: 'partial', cached, total });
  } catch {
    onState({ kind: 'unavailable', reason: 'failed' });
  }
}
