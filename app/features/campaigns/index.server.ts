// The campaigns feature's server API: the registry's store, the read guard,
// section writes, the lifecycle, the list and the campaigns CSV.
export * from './access.server'
export * from './csv.server'
export * from './editing.server'
export * from './form.server'
export * from './lifecycle.server'
export * from './page.server'
export * from './queries.server'
export * from './store.server'
export * from './where-when.server'
