/**
 * The parts of @koa/router (and of its older name, koa-router) this adapter reads. The router is
 * not a dependency of the adapter, so its objects arrive as `unknown` and are narrowed here.
 */

/** A routing layer: a route (`router.get` …) or `router.use()` middleware (no methods). */
export interface RouterLayer {
  /** Upper-case methods; a GET route also lists HEAD. Empty for `router.use()` middleware. */
  readonly methods: readonly string[]
}

/** A router: its `stack` holds every layer, nested routers' layers included (they are copied in). */
export interface RouterLike {
  readonly stack: readonly unknown[]
}

/** A layer that answers some methods, i.e. a route, not `router.use()` middleware. */
export function isRouteLayer(value: unknown): value is RouterLayer {
  if (typeof value !== 'object' || value === null) return false
  const methods: unknown = Reflect.get(value, 'methods')
  return Array.isArray(methods) && methods.length > 0 && methods.every((method) => typeof method === 'string')
}

export function isRouter(value: unknown): value is RouterLike {
  return typeof value === 'object' && value !== null && Array.isArray(Reflect.get(value, 'stack'))
}

/** `router.routes()` returns a dispatch function that carries its router as `.router`. */
export function routerOfMiddleware(middleware: unknown): RouterLike | undefined {
  if (typeof middleware !== 'function') return undefined
  const router: unknown = Reflect.get(middleware, 'router')
  return isRouter(router) ? router : undefined
}
