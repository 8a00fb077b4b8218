import { startLoader } from './loader/start-loader';

// The app is a module next to this file; `import()` keeps it out of this bundle.
startLoader(window, (url) => import(/* @vite-ignore */ url));
