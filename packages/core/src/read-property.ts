/**
 * Reads one property of a thrown value without ever throwing: thrown values can be proxies,
 * objects with throwing getters, or primitives.
 */
export function readProperty(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

export function readString(value: unknown, key: string): string | undefined {
  const read = readProperty(value, key)
  return typeof read === 'string' ? read : undefined
}
