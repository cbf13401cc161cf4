// Conventions the analysis and the pages that print it share, kept apart
// from the analysis itself so that pages can use them without shipping the
// statistics to the browser.

/** A change is told apart from no change at this two-sided significance level. */
export const ALPHA = 0.05

/** The breakdown value of respondents for whom the field was not recorded. */
export const NOT_RECORDED = ''

/** How a record says it was analysed as a simple random sample for want of a declared design. */
export const UNDECLARED_NOTE = 'analysed as a simple random sample:'
