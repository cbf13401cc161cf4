import type { Params } from '@remix-run/react'
import { z } from 'zod'
import { notFound } from './http.server'

/** A malformed URL parameter is a page that does not exist: 404, never a 500. */
export function parseParams<T extends z.ZodType>(params: Params, schema: T): z.infer<T> {
  const parsed = schema.safeParse(params)
  if (!parsed.success) notFound()
  return parsed.data
}

export const organisationParams = z.object({ organisationId: z.coerce.number().int().positive().max(2 ** 31) })

const id = z.coerce.number().int().positive().max(2 ** 31)
export const campaignParams = z.object({ campaignId: id })
export const objectiveParams = z.object({ campaignId: id, objectiveId: id })
export const indicatorParams = z.object({ campaignId: id, indicatorId: id })
export const questionParams = z.object({ campaignId: id, questionId: id })
export const waveParams = z.object({ campaignId: id, waveId: id })
export const responseParams = z.object({ campaignId: id, responseId: id })
export const standardIndicatorParams = z.object({ code: z.string().regex(/^[a-z0-9_]{1,60}$/) })
