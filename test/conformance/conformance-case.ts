import type { AppSpec } from './harness.js'
import type { RawRequest } from './http-client.js'

/** One behaviour, as data: an app, a request, and what must come back on every framework. */
export interface ConformanceCase {
  /** Unique and stable: skip lists name cases by it. */
  readonly name: string
  readonly app: AppSpec
  readonly request: RawRequest
  /** A request sent first and left running while `request` is sent (load shedding). */
  readonly inFlight?: RawRequest
  readonly expect: Expectation
  /** Why the bytes may differ between frameworks (e.g. stack frames); omitted: they must not. */
  readonly bytesMayDiffer?: string
  /**
   * Why the answer is not checked against the app's generated OpenAPI document (a status the
   * table does not list, kept on purpose with `undocumented: 'passthrough'`); omitted: it is.
   */
  readonly outsideContract?: string
}

export interface Expectation {
  readonly status: number
  /**
   * Exact header values (lines of a repeated field joined with ", "); `null` means the header
   * must be absent; a RegExp must match.
   */
  readonly headers?: Readonly<Record<string, string | RegExp | null>>
  /** Exact body text. */
  readonly body?: string
  /** Strings the body must not contain (secrets, raw request bodies, stack frames). */
  readonly bodyExcludes?: readonly string[]
  /** Strings the body must contain. */
  readonly bodyIncludes?: readonly string[]
  /** Whether the message must arrive whole (`false`: the server must cut it). Default: whole. */
  readonly complete?: boolean
}
