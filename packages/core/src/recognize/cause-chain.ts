import { readProperty } from '../read-property.js'

/** Wrappers (fetch's "fetch failed", Drizzle, ORMs) put the real error a few causes deep. */
const MAX_CAUSE_DEPTH = 8

/**
 * Calls `visit` on the thrown value and then on each `cause` in turn, until `visit` returns a
 * result. Bounded and cycle-safe: a cause chain that loops or runs deep ends the walk.
 */
export function findInCauseChain<TResult>(
  thrown: unknown,
  visit: (error: object) => TResult | undefined,
): TResult | undefined {
  const seen = new Set<unknown>()
  let current = thrown
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    if (typeof current !== 'object' || current === null || seen.has(current)) return undefined
    seen.add(current)
    const result = visit(current)
    if (result !== undefined) return result
    current = readProperty(current, 'cause')
  }
  return undefined
}
