/** A user rule: an error class and the status its instances stand for, or a function. */
export type ErrorMapper =
  | readonly [errorClass: abstract new (...args: never[]) => unknown, status: number]
  | ((error: unknown) => number | undefined)

/**
 * Runs the user's rules in order; the first valid 400-599 status wins. A rule that throws or
 * answers something else is skipped: classification never throws.
 */
export function mappedStatus(thrown: unknown, mappers: readonly ErrorMapper[]): number | undefined {
  for (const mapper of mappers) {
    let status: unknown
    try {
      status =
        typeof mapper === 'function' ? mapper(thrown) : thrown instanceof mapper[0] ? mapper[1] : undefined
    } catch {
      continue
    }
    if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599)
      return status
  }
  return undefined
}
