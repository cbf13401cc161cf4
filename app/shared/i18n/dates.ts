// Dates as a place sees them. "Today" is the calendar day where the
// organisation works, not the server's: in Kathmandu (UTC+05:45) the day
// begins while it is still yesterday in UTC, and a deadline checked against
// the UTC date would pass a quarter of a day late.

const days = new Map<string, Intl.DateTimeFormat>()

/** The calendar day (YYYY-MM-DD) it is now in an IANA time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = days.get(timeZone)
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    days.set(timeZone, format)
  }
  return format.format(now)
}

/** Whether a time zone is one the runtime knows (an organisation's setting). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/**
 * The time zones to choose from for an organisation in `country`: that
 * country's own first (CLDR's, by Intl), then UTC, then every other the
 * runtime knows. Worked out on the server, so the page shows one list.
 */
export function timeZoneChoices(country: string | null): string[] {
  const own = country ? ((new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[] }).timeZones ?? []) : []
  const all = Intl.supportedValuesOf('timeZone')
  return [...new Set([...own, 'UTC', ...all])]
}
