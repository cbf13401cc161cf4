/** A date (YYYY-MM-DD) relative to today, so a campaign made in a test is still to come, or long past, whenever the test runs. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
