// The one function Lantern uses of the cldr package, which ships no types.
declare module 'cldr' {
  const cldr: { extractSubdivisionDisplayNames(locale: string): Record<string, string> }
  export default cldr
}
