import type { RouteMethods } from '@status-errors/core'
import type { Context } from 'koa'
import { appMethodsOf } from './app-routes.js'
import { isRootCatchAll } from './catch-all.js'
import { isRouteLayer } from './router-shapes.js'

/** No router saw the request: nothing is known about its path, so the answer is a plain 404. */
const WITHOUT_ROUTER: RouteMethods = Object.freeze({ pathMethods: new Set<string>(), appMethods: undefined })

/**
 * What @koa/router knows about a request no route answered. `ctx.matched` lists every layer whose
 * path matched, for any method, across all routers the request went through; root catch-alls are
 * left out. `router.all()` layers list every method, so their path is never a 405.
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
