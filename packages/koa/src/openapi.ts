import type { CompletedOpenApi, OpenApiDocument } from '@status-errors/core'
import { completeOpenApi, type LiveRoute } from '@status-errors/core/adapter'
import type Koa from 'koa'
import { installationOf } from './accepted.js'
import { routerOfMiddleware } from './routes.js'

/**
 * The OpenAPI document of an app, completed from its live routes by its `statusErrors()`: each
 * operation gets the error responses status-errors can answer for it, and the drift between
 * `base` and the routes is reported. Routes are read from the @koa/router routers mounted with
 * `app.use(router.routes())`; call it after they are mounted.
 *
 * @example
 * app.use(statusErrors())
 * app.use(router.routes())
 * const { document, drift } = openApi(app, baseDocument)
 */
export function openApi(app: Koa, base?: OpenApiDocument): CompletedOpenApi {
  const { options } = installationOf(app).engine
  return completeOpenApi({ base, routes: liveRoutes(app), options })
}

/** The route layers of the app's top-level routers (nested routers' layers are copied into them). */
export function liveRoutes(app: object): LiveRoute[] {
  const middleware: unknown = Reflect.get(app, 'middleware')
  const routes: LiveRoute[] = []
  if (!Array.isArray(middleware)) return routes
  for (const entry of middleware) {
    for (const layer of routerOfMiddleware(entry)?.stack ?? []) {
      if (typeof layer !== 'object' || layer === null) continue
      const path: unknown = Reflect.get(layer, 'path')
      const methods: unknown = Reflect.get(layer, 'methods')
      if (typeof path !== 'string' || !Array.isArray(methods)) continue
      for (const method of methods) if (typeof method === 'string') routes.push({ method, path })
    }
  }
  return routes
}
