// Entry of the web app (index.html loads it): defines the components and registers the
// offline service worker in production builds served over http(s).
import './components/cy-app.ts';
import { registerOffline } from './sw/register.ts';

registerOffline();
