// Plain JavaScript on purpose: server.js (not compiled) refuses cross-site
// posts before Remix sees them, and the app's readForm() uses the same rule.

/**
 * Is a state-changing request from this site? Browsers send Origin on every
 * POST; Referer is the fallback for the few that strip it. A request with
 * neither is refused: a form on this site always carries one of them. An
 * Origin of "null" (a sandboxed frame, a file, a cross-site redirect) is not
 * this site, whatever the Referer says.
 * @param {string} siteOrigin
 * @param {string | null | undefined} origin
 * @param {string | null | undefined} referer
 * @returns {boolean}
 */
export function isSameOrigin(siteOrigin, origin, referer) {
  if (origin === 'null') return false
  if (origin) return origin === siteOrigin
  if (referer) {
    try {
      return new URL(referer).origin === siteOrigin
    } catch {
      return false
    }
  }
  return false
}
