// What the HTTP server (server.js) hands every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The nonce that lets Remix's inline scripts pass the Content-Security-Policy. */
    cspNonce: string
    /** The client's IP address, for log-in rate limiting. */
    clientIp: string
  }
}

export {}
