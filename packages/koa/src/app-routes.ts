import { isRouteLayer, type RouterLike, routerOfMiddleware } from './router-shapes.js'

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
const byApp = new WeakMap<object, AppRoutes>()

/**
 * The methods of every route of the app, for the 501 decision (RFC 9110 §15.6.2: 501 only for a
 * method no resource supports). Routers are found in `app.middleware` (`app.use(router.routes())`).
 * When routing happened out of sight — the router that dispatched the request, or a layer that
 * matched it, belongs to no top-level router (koa-compose, koa-mount) — the list would be
 * incomplete, so the answer is `undefined` and core never answers 501.
 */
export function appMethodsOf(
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
  const known = byApp.get(app)
  if (known !== undefined && isCurrent(known, middleware)) return known
  const routes = collectRoutes(middleware)
  byApp.set(app, routes)
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
