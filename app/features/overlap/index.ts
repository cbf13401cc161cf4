// Overlap, for the browser: how two campaigns are scored and put into words (DESIGN.md §5).
export * from './scoring'
