// Campaigns, for the browser: the campaign as the domain sees it, the quality check, the
// lifecycle's rules, visibility, the section schemas and filters, and their components.
export * from './campaign'
export { campaignCode, SECTOR, SUBSECTOR } from './csv-layout'
export * from './filters'
export * from './findings'
export * from './indicator-fields'
export * from './quality'
export * from './schemas'
export * from './visibility'
