/**
 * Is a state-changing request from this site? Browsers send Origin on every
 * POST; Referer is the fallback for the few that strip it. A request with
 * neither is refused: a form on this site always carries one of them.
 */
export function isSameOrigin(siteOrigin: string, origin: string | null, referer: string | null): boolean {
  if (origin !== null && origin !== 'null') return origin === siteOrigin
  if (referer) {
    try {
      return new URL(referer).origin === siteOrigin
    } catch {
      return false
    }
  }
  return false
}
