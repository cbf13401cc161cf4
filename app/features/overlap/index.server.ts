// Overlap: the candidate search over the overlap index and the stored pairs, kept in step on every write.
export * from './pairs.server'
