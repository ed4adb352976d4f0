/**
 * What the router knows about a request that no route answered. `'*'` stands for a route that
 * takes every method (`app.all`, `router.all`).
 */
export interface RouteMethods {
  /** Methods of the routes whose path matches the request path, root catch-alls excluded. */
  readonly pathMethods: ReadonlySet<string>
  /** Methods used by any route of the app; `undefined` when the adapter cannot tell. */
  readonly appMethods: ReadonlySet<string> | undefined
  /**
   * `false` when a GET route may not answer HEAD (Fastify with `exposeHeadRoutes` off): then HEAD
   * counts only as a route of its own. Absent, a GET route answers HEAD too, as Express's and
   * koa-router's do and as RFC 9110 §9.3.2 describes.
   */
  readonly getServesHead?: boolean
}

export type UnmatchedOutcome =
  | { readonly status: 404 | 501 }
  | { readonly status: 405 | 204; readonly allow: string }

/**
 * Methods never answered 501: the eight of RFC 9110 §9.3 (GET, HEAD, POST, PUT, DELETE, CONNECT,
 * OPTIONS, TRACE), PATCH (RFC 5789) and QUERY (the HTTP QUERY method draft, which Node parses).
 * A server knows them; a path that does not take one answers 405 with Allow (RFC 9110 §15.5.6).
 * CONNECT never reaches a framework: Node hands it to the server's 'connect' listener, or closes
 * the connection when there is none.
 */
const STANDARD_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
])

const NOT_FOUND = { status: 404 } as const
const NOT_IMPLEMENTED = { status: 501 } as const

/**
 * Decides the answer to an unmatched request:
 * - 501 for a method no route anywhere uses, unless it is a standard one (RFC 9110 §9.1, §15.6.2);
 * - 404 when nothing routes the path, or a route for this method (or for all methods) exists and
 *   fell through: the resource exists but this instance was not found;
 * - 204 with `Allow` for OPTIONS on a routed path (RFC 9110 §9.3.7);
 * - 405 with `Allow` otherwise (RFC 9110 §15.5.6: the origin server MUST send Allow).
 * With `methodNotAllowed: false`, the 405 and OPTIONS answers become 404.
 */
export function decideUnmatched(
  method: string,
  routes: RouteMethods,
  methodNotAllowed: boolean,
): UnmatchedOutcome {
  const { pathMethods, appMethods } = routes
  if (
    !STANDARD_METHODS.has(method) &&
    appMethods !== undefined &&
    !appMethods.has(method) &&
    !appMethods.has('*')
  ) {
    return NOT_IMPLEMENTED
  }
  if (!methodNotAllowed || pathMethods.size === 0 || routeServes(method, routes)) {
    return NOT_FOUND
  }
  const allow = formatAllow(pathMethods, routes.getServesHead !== false)
  return method === 'OPTIONS' ? { status: 204, allow } : { status: 405, allow }
}

/** Whether a route of the path takes the method: its own, every method (`all`), or HEAD through GET. */
export function routeServes(method: string, routes: RouteMethods): boolean {
  const { pathMethods } = routes
  return (
    pathMethods.has(method) ||
    pathMethods.has('*') ||
    (method === 'HEAD' && routes.getServesHead !== false && pathMethods.has('GET'))
  )
}

/**
 * `Allow` (RFC 9110 §10.2.1): upper-case, de-duplicated, sorted so every framework sends the same
 * bytes, HEAD whenever GET is there and `getServesHead` (frameworks answer HEAD with the GET
 * route), and OPTIONS, which status-errors answers for every routed path.
 */
export function formatAllow(methods: ReadonlySet<string> | readonly string[], getServesHead = true): string {
  // Every 405 of a path asks again with the same methods (route methods, never the client's): the
  // value is kept per method list instead of sorting a new set for each answer.
  // A comma is no token character (RFC 9110 §5.6.2), so no method list gives the second key's start.
  let key = getServesHead ? '' : ','
  for (const method of methods) key += `${method},`
  let allow = allowByMethods.get(key)
  if (allow === undefined) {
    allow = buildAllow(methods, getServesHead)
    if (allowByMethods.size < MAX_REMEMBERED_ALLOW_VALUES) allowByMethods.set(key, allow)
  }
  return allow
}

/** Different method lists an app's routes give: a few per app; the bound only caps memory. */
const MAX_REMEMBERED_ALLOW_VALUES = 256
const allowByMethods = new Map<string, string>()

function buildAllow(methods: ReadonlySet<string> | readonly string[], getServesHead: boolean): string {
  const allow = new Set<string>(['OPTIONS'])
  for (const method of methods) {
    const upper = method.toUpperCase()
    allow.add(upper)
    if (upper === 'GET' && getServesHead) allow.add('HEAD')
  }
  return [...allow].sort().join(', ')
}
