/** Options of `accepted()` on every framework. */
export interface AcceptedOptions {
  /** Where the client can follow the work (RFC 9110 §15.3.3); a URI reference on one line. */
  readonly location?: string
}

/**
 * Reads the options of `accepted()` as a user may pass them from JavaScript: `undefined`, or an
 * object whose `location` is absent or a string. The Location itself is checked when the answer is
 * rendered. Throws a TypeError naming the mistake.
 */
export function readAcceptedLocation(options: unknown): string | undefined {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('status-errors: accepted() takes an options object such as { location: "/jobs/42" }')
  }
  const location: unknown = Reflect.get(options, 'location')
  if (location === undefined || typeof location === 'string') return location
  throw new TypeError('status-errors: accepted() needs "location" to be a string')
}
