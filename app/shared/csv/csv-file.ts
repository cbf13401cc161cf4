// What a CSV file is once decoded and split, and what can be wrong with one
// line of it: the same for campaign and survey imports and the command line.

export type CsvFile = { headers: readonly string[]; rows: readonly (readonly string[])[] }

/** A problem at a line (1 = the header) and column ('' for the whole line). */
export type CsvProblem = { line: number; column: string; message: string }
