import { METHODS } from 'node:http'
import { CATCH_ALL_PROBE_PATH, type RouteMethods } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'

/** Core's view of the routes for a request no route answered. */
export type RouteMethodsOf = (request: FastifyRequest, path: string) => RouteMethods

/** Starts watching the app's routes; call it while the plugin registers, before the app is ready. */
export function watchRouteMethods(fastify: FastifyInstance): RouteMethodsOf {
  const appMethods = watchAppMethods(fastify)
  const findPathMethods = pathMethodsFinder(fastify, appMethods)
  return (request, path) => ({
    pathMethods: findPathMethods(request, path),
    appMethods: appMethods.set,
    getServesHead: appMethods.getServesHead(),
  })
}

/** What `printRoutes({ method })` answers when no route uses the method (find-my-way 8 and 9). */
export const EMPTY_ROUTE_TREE = '(empty tree)'

/**
 * The methods used by the app's routes, for core's 501 decision (RFC 9110 §9.1: a method no
 * resource supports is not implemented) and as the only methods worth looking up for a path.
 *
 * `onRoute` sees every route registered after the plugin, in child plugins too, and the HEAD
 * routes Fastify adds for GET routes. Routes registered before the plugin were never shown to the
 * hook, so once the app is ready (no route can be added after that) every method the hook has not
 * seen is asked of the router itself.
 */
interface AppMethods {
  /** Grows until the app is ready, then stays fixed. */
  readonly set: ReadonlySet<string>
  /** The same methods in lookup order (HEAD last), as an array for the per-request lookups. */
  list(): readonly string[]
  /**
   * Whether every GET route answers HEAD: false under a server created with `exposeHeadRoutes:
   * false`, or once a GET route is added with `exposeHeadRoute` off.
   */
  getServesHead(): boolean
  /**
   * Whether every HEAD route has a GET route of the same pattern and constraints, so that a HEAD
   * route matches only where a GET route does. False until the app is ready.
   */
  headMirrorsGet(): boolean
  /**
   * Whether a route is constrained by version. Only then does Fastify's router read Accept-Version
   * (a request that sends one reaches versioned routes only); otherwise it ignores the header.
   */
  versioned(): boolean
}

function watchAppMethods(fastify: FastifyInstance): AppMethods {
  const methods = new Set<string>()
  let list: readonly string[] | undefined
  // Fastify adds the HEAD twin of a GET route unless the route or the server turns it off. The
  // server's option also covers routes registered before the plugin, which `onRoute` never sees.
  const exposeHeadRoutes: unknown = Reflect.get(fastify.initialConfig, 'exposeHeadRoutes') ?? true
  let getServesHead = Boolean(exposeHeadRoutes)
  let headMirrorsGet = false
  let versioned = true

  fastify.addHook('onRoute', (route) => {
    for (const method of typeof route.method === 'string' ? [route.method] : route.method) {
      const upper = method.toUpperCase()
      methods.add(upper)
      if (upper === 'GET' && !(route.exposeHeadRoute ?? exposeHeadRoutes)) getServesHead = false
    }
  })

  fastify.addHook('onReady', (done) => {
    for (const method of methodsFastifyRoutes(fastify)) {
      if (!methods.has(method) && fastify.printRoutes({ method }) !== EMPTY_ROUTE_TREE) methods.add(method)
    }
    list = inLookupOrder(methods)
    // Asked of the router, which holds every route, those the hook never saw and the ones Fastify
    // adds for a prefixed '/' (`prefixTrailingSlash`) included, with their final constraints.
    headMirrorsGet = headRoutesMirrorGetRoutes(fastify)
    versioned = fastify.printRoutes().includes(VERSION_CONSTRAINT)
    done()
  })

  return {
    set: methods,
    list: () => list ?? inLookupOrder(methods),
    getServesHead: () => getServesHead,
    headMirrorsGet: () => headMirrorsGet,
    versioned: () => versioned,
  }
}

/** How the router's printed tree shows a version constraint (`(GET) {"version":"1.2.0"}`). */
const VERSION_CONSTRAINT = '"version":'

/**
 * Whether the router's tree of HEAD routes reads as its tree of GET routes: then every HEAD route
 * has a GET route of the same pattern and constraints. True of the HEAD routes Fastify adds for
 * GET routes; false once a HEAD route of its own, or a GET route without one, is in the router.
 * find-my-way 8 prints a RegExp constraint as `{}`, which could hide a difference: a constrained
 * HEAD route makes it false.
 */
function headRoutesMirrorGetRoutes(fastify: FastifyInstance): boolean {
  const headRoutes = fastify.printRoutes({ method: 'HEAD' })
  if (headRoutes === EMPTY_ROUTE_TREE) return true
  if (headRoutes.includes('{')) return false
  return headRoutes.replaceAll(' (HEAD)', ' (GET)') === fastify.printRoutes({ method: 'GET' })
}

/**
 * HEAD goes last so that `findPathMethods` can skip it once GET has matched: when GET routes serve
 * HEAD, core's Allow lists HEAD with GET, so a HEAD route of the same path changes nothing.
 */
function inLookupOrder(methods: ReadonlySet<string>): readonly string[] {
  const list = [...methods].filter((method) => method !== 'HEAD')
  if (methods.has('HEAD')) list.push('HEAD')
  return list
}

/** Fastify 5 lists its methods (more come with `addHttpMethod`); Fastify 4 routes a subset of Node's. */
function methodsFastifyRoutes(fastify: FastifyInstance): readonly string[] {
  const supported: readonly string[] | undefined = fastify.supportedMethods
  return supported ?? METHODS
}

type RouteConstraint = NonNullable<RouteOptions['constraints']>

type RouteParams = { readonly [name: string]: string | undefined }

const NO_METHODS: ReadonlySet<string> = new Set()

type PathMethodsFinder = (request: FastifyRequest, path: string) => ReadonlySet<string>

/**
 * The methods of the target resource (RFC 9110 §10.2.1, for `Allow`): those whose routes match
 * `path`, asked of Fastify's own router with `findRoute`, which
 * takes a concrete URL (so params, wildcards, prefixes and the router options all behave as for
 * the real request). Root catch-alls (`OPTIONS *` from @fastify/cors, an SPA `GET /*`) are left
 * out, or every unknown path would become a 405. HEAD is looked up last, and only when its answer
 * can change `Allow`: not once GET has matched while GET routes serve HEAD (core then lists HEAD
 * with GET), and not once GET has missed while every HEAD route mirrors a GET route.
 */
function pathMethodsFinder(fastify: FastifyInstance, appMethods: AppMethods): PathMethodsFinder {
  return function findPathMethods(request, path) {
    const constraints = deriveConstraints(request, appMethods.versioned())
    const getServesHead = appMethods.getServesHead()
    const headMirrorsGet = appMethods.headMirrorsGet()
    let found: Set<string> | undefined
    for (const method of appMethods.list()) {
      if (method === 'HEAD' && skipsHead(found?.has('GET') === true, getServesHead, headMirrorsGet)) continue
      const route = fastify.findRoute({ method, url: path, constraints }) as { params: RouteParams } | null
      if (route === null || isRootCatchAll(fastify, { method, path, constraints }, route.params)) continue
      if (found === undefined) found = new Set()
      found.add(method)
    }
    return found ?? NO_METHODS
  }
}

/**
 * Whether the HEAD lookup can be left out, GET's having been made: each router walk is a share of
 * a 404 or 405 on Fastify, and this one cannot change the answer.
 */
function skipsHead(getMatched: boolean, getServesHead: boolean, headMirrorsGet: boolean): boolean {
  return getMatched ? getServesHead : headMirrorsGet
}

/**
 * The constraint values Fastify derives for the built-in strategies (find-my-way's `host` and
 * `version`), so host- and version-constrained routes count only when this request would reach
 * them. The router derives a strategy only while a route uses it, and a derived version excludes
 * every unversioned route: Accept-Version is read only when the app has versioned routes. Custom
 * strategies cannot be derived from outside the router: their routes are not seen.
 */
function deriveConstraints(request: FastifyRequest, versioned: boolean): RouteConstraint {
  const { host, ':authority': authority } = request.headers
  // HTTP/2 requests carry the host as :authority, which find-my-way's host strategy reads too.
  const constraints: RouteConstraint = { host: host ?? (typeof authority === 'string' ? authority : '') }
  if (!versioned) return constraints
  const version = request.headers['accept-version']
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
