// The Remix Vite plugin's options live here, in one place: vite.config.ts
// imports this object and passes it to `remix()`. Edit future flags and route
// conventions here, not there.

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: 'app',
  // Tests and CSS beside routes must never become URLs.
  ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/*.css', '**/.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: false,
  },
}
