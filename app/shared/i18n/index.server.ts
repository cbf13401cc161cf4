export { loadCatalogues, publishedCatalogue, serverTranslator, speakInThisThread } from './catalogues.server'
export { languageCookie, localeOf, isOffered, pseudoLocaleEnabled } from './locale.server'
export { inEnglish, inLocale, inRequestScope } from './request-scope.server'
