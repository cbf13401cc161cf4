import { getZodConstraint } from '@conform-to/zod/v4'
import type { z } from 'zod'
import type { Constraints } from './ui/forms'

const computed = new WeakMap<z.ZodType, Constraints>()

/**
 * A schema's constraints for its form (useActionForm), sent by the loader so
 * that the schema, and zod, stay out of the browser. Worked out once per
 * schema: loaders answer many requests.
 */
export function constraintOf(schema: z.ZodType): Constraints {
  let constraint = computed.get(schema)
  if (!constraint) computed.set(schema, (constraint = getZodConstraint(schema)))
  return constraint
}
