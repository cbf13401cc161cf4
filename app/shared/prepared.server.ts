// Building a statement with drizzle and preparing it in SQLite costs more
// than running it, on every page. A query whose conditions vary (the viewer's
// kind, which filters are set) has few shapes: each is built and prepared
// once, with placeholders for the values, and kept under a key naming it.

/** Statements prepared once per shape; past `capacity` shapes the store starts again (shapes come from URLs). */
export function preparedPerShape<T>(capacity = 200) {
  const statements = new Map<string, T>()
  return (key: string, prepare: () => T): T => {
    let statement = statements.get(key)
    if (!statement) {
      if (statements.size >= capacity) statements.clear()
      statements.set(key, (statement = prepare()))
    }
    return statement
  }
}
