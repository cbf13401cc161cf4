import { SUBDIVISION_CODE } from '../../shared/taxonomy/countries'
import { subdivision } from '../../shared/taxonomy/subdivisions'
import { tr } from '../../shared/i18n'
import { whereWhenSchema } from './schemas'

/**
 * The where-and-when form as its action checks it: also that each code names
 * a real ISO 3166-2 subdivision, a list too large for the browser to load.
 */
export const whereWhenServerSchema = whereWhenSchema.superRefine((v, ctx) => {
  for (const code of v.subdivisions) {
    if (SUBDIVISION_CODE.test(code) && !subdivision(code)) ctx.addIssue({ code: 'custom', path: ['subdivisions'], message: tr({ id: 'campaigns.fields.subdivisions.not_a_code', defaultMessage: '{code} is not an ISO 3166-2 subdivision code' }, { code }) })
  }
})
