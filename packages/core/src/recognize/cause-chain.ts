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
  // Most thrown values have no cause: the list of errors seen is made only for a chain.
  let seen: object[] | undefined
  let current = thrown
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    if (typeof current !== 'object' || current === null || seen?.includes(current) === true) return undefined
    const result = visit(current)
    if (result !== undefined) return result
    const cause = readProperty(current, 'cause')
    if (cause === undefined) return undefined
    if (seen === undefined) seen = []
    seen.push(current)
    current = cause
  }
  return undefined
}
