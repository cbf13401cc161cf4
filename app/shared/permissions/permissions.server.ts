import { can, type Action, type Actor } from './permissions'
import { forbidden } from '../http.server'

/** Throws a 403 response unless the actor may do this. */
export function assertCan(actor: Actor, action: Action, organisationId: number | null): void {
  if (!can(actor, action, organisationId)) forbidden()
}
