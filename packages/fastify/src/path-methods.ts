import { CATCH_ALL_PROBE_PATH } from '@status-errors/core'
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'

type RouteConstraint = NonNullable<RouteOptions['constraints']>

type RouteParams = { readonly [name: string]: string | undefined }

const NO_METHODS: ReadonlySet<string> = new Set()

/**
 * The methods of the target resource (RFC 9110 §10.2.1, for `Allow`): those whose routes match
 * `path`, asked of Fastify's own router with `findRoute`, which
 * takes a concrete URL (so params, wildcards, prefixes and the router options all behave as for
 * the real request). Root catch-alls (`OPTIONS *` from @fastify/cors, an SPA `GET /*`) are left
 * out, or every unknown path would become a 405.
 */
export function findPathMethods(
  fastify: FastifyInstance,
  request: FastifyRequest,
  path: string,
  methods: readonly string[],
): ReadonlySet<string> {
  const constraints = deriveConstraints(request)
  let found: Set<string> | undefined
  for (const method of methods) {
    const route = fastify.findRoute({ method, url: path, constraints }) as { params: RouteParams } | null
    if (route === null || isRootCatchAll(fastify, { method, path, constraints }, route.params)) continue
    if (found === undefined) found = new Set()
    found.add(method)
  }
  return found ?? NO_METHODS
}

/**
 * The constraint values Fastify derives for the built-in strategies (find-my-way's `host` and
 * `version`), so host- and version-constrained routes count only when this request would reach
 * them. Custom strategies cannot be derived from outside the router: their routes are not seen.
 */
function deriveConstraints(request: FastifyRequest): RouteConstraint {
  const { host, ':authority': authority, 'accept-version': version } = request.headers
  // HTTP/2 requests carry the host as :authority, which find-my-way's host strategy reads too.
  const constraints: RouteConstraint = { host: host ?? (typeof authority === 'string' ? authority : '') }
  if (typeof version === 'string') constraints.version = version
  return constraints
}

interface Lookup {
  readonly method: string
  readonly path: string
  readonly constraints: RouteConstraint
}

/**
 * A wildcard route is a root catch-all when the same method, asked for core's probe path followed
 * by `path`, captures exactly the probe path more than it captured for `path`: then it captured
 * the whole of `path`. A deeper wildcard (`/files/*`) captures less, and a route under the probe
 * path does not exist. Comparing two captures of the router keeps this right whatever the router
 * does to the path (percent-decoding, an ignored trailing slash).
 */
function isRootCatchAll(fastify: FastifyInstance, lookup: Lookup, params: RouteParams): boolean {
  const captured = params['*']
  if (captured === undefined) return false
  const { method, path, constraints } = lookup
  const probe = fastify.findRoute({ method, url: CATCH_ALL_PROBE_PATH + path, constraints }) as {
    params: RouteParams
  } | null
  const probeCaptured = probe?.params['*']
  return (
    probeCaptured !== undefined &&
    probeCaptured.length - captured.length === CATCH_ALL_PROBE_PATH.length &&
    probeCaptured.endsWith(captured)
  )
}
