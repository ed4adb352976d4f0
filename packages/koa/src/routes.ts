import { CATCH_ALL_PROBE_PATH, type RouteMethods } from '@status-errors/core/adapter'
import type { Context } from 'koa'

/**
 * What @koa/router (or its older name, koa-router) knows about a request no route answered. The
 * router is not a dependency of the adapter, so its objects arrive as `unknown` and are narrowed here.
 */

/** A routing layer that answers some methods (upper-case; a GET route also lists HEAD). */
interface RouteLayer {
  readonly methods: readonly string[]
}

/** A router: its `stack` holds every layer, nested routers' layers included (they are copied in). */
interface RouterLike {
  readonly stack: readonly unknown[]
}

/** No router saw the request: nothing is known about its path, so the answer is a plain 404. */
const WITHOUT_ROUTER: RouteMethods = Object.freeze({ pathMethods: new Set<string>(), appMethods: undefined })

/**
 * `ctx.matched` lists every layer whose path matched, for any method, across all routers the
 * request went through; root catch-alls are left out. `router.all()` layers list every method, so
 * their path is never a 405.
 */
export function routeMethodsOf(ctx: Context): RouteMethods {
  const matched: unknown = Reflect.get(ctx, 'matched')
  if (!Array.isArray(matched)) return WITHOUT_ROUTER
  const pathMethods = new Set<string>()
  for (const layer of matched) {
    if (!isRouteLayer(layer) || isRootCatchAll(layer)) continue
    for (const method of layer.methods) pathMethods.add(method)
  }
  return { pathMethods, appMethods: appMethodsOf(ctx.app, Reflect.get(ctx, 'router'), matched) }
}

/**
 * What the app's top-level routers will find for the request, asked before they run (`ctx.matched`
 * exists only after): the methods of the route layers whose path matches, root catch-alls left
 * out. `undefined` when the app has no router core can see (koa-compose, koa-mount, hand-written
 * routing): then nothing is known.
 */
export function routeMethodsBeforeRouting(ctx: Context): RouteMethods | undefined {
  try {
    return plannedRoutes(ctx)
  } catch {
    // A router whose match throws (a layer without a usable pattern): nothing can be known.
    return undefined
  }
}

/**
 * The path a router matches, in the order @koa/router 12 to 15 read it: `opts.routerPath`,
 * `ctx.newRouterPath`, `ctx.path`. (Their last fallback, `ctx.routerPath`, is where a router leaves
 * the pattern of the layer that matched: read first, it would match a pattern, not the request.)
 */
function routerPath(router: object, ctx: Context): string {
  const opts: unknown = Reflect.get(router, 'opts')
  const fromOptions: unknown =
    typeof opts === 'object' && opts !== null ? Reflect.get(opts, 'routerPath') : undefined
  if (typeof fromOptions === 'string' && fromOptions !== '') return fromOptions
  const rewritten: unknown = Reflect.get(ctx, 'newRouterPath')
  return typeof rewritten === 'string' && rewritten !== '' ? rewritten : ctx.path
}

function plannedRoutes(ctx: Context): RouteMethods | undefined {
  const middleware: unknown = Reflect.get(ctx.app, 'middleware')
  if (!Array.isArray(middleware)) return undefined
  const pathMethods = new Set<string>()
  let routers = 0
  for (const entry of middleware) {
    const router = routerOfMiddleware(entry)
    if (router === undefined) continue
    const match: unknown = Reflect.get(router, 'match')
    if (typeof match !== 'function') continue
    routers++
    // A router for another host (`new Router({ host })`) will not route the request at all.
    const matchHost: unknown = Reflect.get(router, 'matchHost')
    if (typeof matchHost === 'function' && Reflect.apply(matchHost, router, [ctx.host]) !== true) continue
    const result: unknown = Reflect.apply(match, router, [routerPath(router, ctx), ctx.method])
    const layers: unknown =
      typeof result === 'object' && result !== null ? Reflect.get(result, 'path') : undefined
    if (!Array.isArray(layers)) continue
    for (const layer of layers) {
      if (!isRouteLayer(layer) || isRootCatchAll(layer)) continue
      for (const method of layer.methods) pathMethods.add(method)
    }
  }
  return routers === 0 ? undefined : { pathMethods, appMethods: undefined }
}

/**
 * Whether a router saw the request and no route of it matched: then a thrown 405 or 501 is
 * `allowedMethods({ throw: true })`'s verdict, not a route's own error. A 404 is never its verdict
 * (it throws none): a middleware's own 404 stays a 404.
 */
export function rejectedByRouter(ctx: Context, thrown: unknown): boolean {
  const status: unknown =
    typeof thrown === 'object' && thrown !== null ? Reflect.get(thrown, 'status') : undefined
  return (
    (status === 405 || status === 501) &&
    !lastRouterMatchedARoute(ctx) &&
    Array.isArray(Reflect.get(ctx, 'matched'))
  )
}

/**
 * Whether the last router the request went through matched a route for its method: then the 405
 * or 501 came from that route. @koa/router 15 records it as `ctx.routeMatched`; 12 to 14 record
 * nothing of the kind (their `_matchedRoute` is any earlier router's too, such as a `router.all`
 * that passed the request on), so it is read from the path's matched layers (`ctx.matched`) that
 * belong to that router (`ctx.router`) and answer the method, as 15 decides it.
 */
function lastRouterMatchedARoute(ctx: Context): boolean {
  const recorded: unknown = Reflect.get(ctx, 'routeMatched')
  if (typeof recorded === 'boolean') return recorded
  const router: unknown = Reflect.get(ctx, 'router')
  const matched: unknown = Reflect.get(ctx, 'matched')
  if (!isRouter(router) || !Array.isArray(matched)) return false
  return matched.some(
    (layer) => isRouteLayer(layer) && layer.methods.includes(ctx.method) && router.stack.includes(layer),
  )
}

/** `router.routes()` returns a dispatch function that carries its router as `.router`. */
export function routerOfMiddleware(middleware: unknown): RouterLike | undefined {
  if (typeof middleware !== 'function') return undefined
  const router: unknown = Reflect.get(middleware, 'router')
  return isRouter(router) ? router : undefined
}

function isRouteLayer(value: unknown): value is RouteLayer {
  if (typeof value !== 'object' || value === null) return false
  const methods: unknown = Reflect.get(value, 'methods')
  return Array.isArray(methods) && methods.length > 0 && methods.every((method) => typeof method === 'string')
}

function isRouter(value: unknown): value is RouterLike {
  return typeof value === 'object' && value !== null && Array.isArray(Reflect.get(value, 'stack'))
}

/** Layers live as long as their router: each is probed once. */
const probed = new WeakMap<RouteLayer, boolean>()

/**
 * Whether a layer is a root catch-all (`router.options('/{*rest}', cors())`, an SPA
 * `router.get('/{*rest}')`): such a layer matches every path, so counting its methods would turn
 * every unknown path into a 405.
 */
function isRootCatchAll(layer: RouteLayer): boolean {
  let answer = probed.get(layer)
  if (answer === undefined) {
    answer = matchesPath(layer, CATCH_ALL_PROBE_PATH)
    probed.set(layer, answer)
  }
  return answer
}

function matchesPath(layer: RouteLayer, path: string): boolean {
  const match: unknown = Reflect.get(layer, 'match')
  if (typeof match !== 'function') return false
  try {
    return Reflect.apply(match, layer, [path]) === true
  } catch {
    // A layer without a usable pattern (`router.get('')`) matches nothing, the probe included.
    return false
  }
}

/** What the app's top-level routers hold, with what is needed to notice that it changed. */
interface AppRoutes {
  readonly middlewareCount: number
  readonly routers: readonly RouterLike[]
  readonly stackSizes: readonly number[]
  readonly routerSet: ReadonlySet<unknown>
  readonly layers: ReadonlySet<unknown>
  readonly methods: ReadonlySet<string>
}

/** Collected on the first unmatched request and kept until a middleware or route is added. */
const routesOfApp = new WeakMap<object, AppRoutes>()

/**
 * The methods of every route of the app, for the 501 decision (RFC 9110 §15.6.2: 501 only for a
 * method no resource supports). Routers are found in `app.middleware` (`app.use(router.routes())`).
 * When routing happened out of sight — the router that dispatched the request, or a layer that
 * matched it, belongs to no top-level router (koa-compose, koa-mount) — the list would be
 * incomplete, so the answer is `undefined` and core never answers 501.
 */
function appMethodsOf(
  app: object,
  dispatchingRouter: unknown,
  matchedLayers: readonly unknown[],
): ReadonlySet<string> | undefined {
  const routes = appRoutesOf(app)
  if (routes === undefined) return undefined
  if (dispatchingRouter !== undefined && !routes.routerSet.has(dispatchingRouter)) return undefined
  for (const layer of matchedLayers) {
    if (!routes.layers.has(layer)) return undefined
  }
  return routes.methods
}

function appRoutesOf(app: object): AppRoutes | undefined {
  const middleware: unknown = Reflect.get(app, 'middleware')
  if (!Array.isArray(middleware)) return undefined
  const known = routesOfApp.get(app)
  if (known !== undefined && isCurrent(known, middleware)) return known
  const routes = collectRoutes(middleware)
  routesOfApp.set(app, routes)
  return routes
}

function isCurrent(routes: AppRoutes, middleware: readonly unknown[]): boolean {
  return (
    routes.middlewareCount === middleware.length &&
    routes.routers.every((router, index) => router.stack.length === routes.stackSizes[index])
  )
}

function collectRoutes(middleware: readonly unknown[]): AppRoutes {
  const routers: RouterLike[] = []
  const layers = new Set<unknown>()
  const methods = new Set<string>()
  for (const entry of middleware) {
    const router = routerOfMiddleware(entry)
    if (router === undefined) continue
    routers.push(router)
    for (const layer of router.stack) {
      layers.add(layer)
      if (isRouteLayer(layer)) for (const method of layer.methods) methods.add(method)
    }
  }
  return {
    middlewareCount: middleware.length,
    routers,
    stackSizes: routers.map((router) => router.stack.length),
    routerSet: new Set(routers),
    layers,
    methods,
  }
}
