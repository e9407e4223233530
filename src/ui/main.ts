// Entry of the web app (index.html loads it). Starts the model worker first — compiling
// the model is the longest step before the first chart — then loads the interface
// (Lit components, ECharts) in parallel, and registers the offline service worker.
import { sharedModelClient } from './model-bridge/model-client.ts';
import { registerOffline } from './sw/register.ts';

// Ask for the model's description now; the app's own request gets the same compiled model.
void sharedModelClient().meta().catch(() => {
  // The app reports errors when it asks itself.
});
void import('./components/cy-app.ts');
// A page's first Intl.NumberFormat loads ICU's number data (about 30 ms): done now, while the
// interface's scripts load, rather than in the first render of the numbers.
setTimeout(() => void new Intl.NumberFormat('zh-CN').format(1), 0);
registerOffline();
