import type { CompletedOpenApi, OpenApiDocument } from '@status-errors/core'
import { completeOpenApi, type LiveRoute } from '@status-errors/core/adapter'
import type { FastifyInstance } from 'fastify'
import { installationOf } from './accepted.js'

/** The routes each installation saw being registered. */
const routesOfInstallation = new WeakMap<object, LiveRoute[]>()

/**
 * Starts recording the routes registered after the plugin (every route, since the plugin must be
 * registered first), with the statuses their response schemas declare.
 */
export function recordLiveRoutes(fastify: FastifyInstance, installation: object): void {
  const routes: LiveRoute[] = []
  routesOfInstallation.set(installation, routes)
  fastify.addHook('onRoute', (route) => {
    // A route its author hides from the documentation (@fastify/swagger's `schema.hide`) stays hidden.
    if ((route.schema as { hide?: unknown } | undefined)?.hide === true) return
    const response: unknown = route.schema?.response
    const declaredStatuses =
      typeof response === 'object' && response !== null
        ? Object.keys(response)
            .filter((key) => /^\d{3}$/.test(key))
            .map(Number)
        : []
    for (const method of typeof route.method === 'string' ? [route.method] : route.method) {
      routes.push({ method: method.toUpperCase(), path: route.url, declaredStatuses })
    }
  })
}

/**
 * The OpenAPI document of an app, completed from its live routes by its status-errors plugin:
 * each operation gets the error responses status-errors can answer for it, and the drift between
 * `base` and the routes is reported. Call it once the app is ready. `base` may be
 * `app.swagger()` from @fastify/swagger. Response schemas a route declares are kept, and do not
 * change the bytes of status-errors' answers (their bodies are strings Fastify does not serialise).
 *
 * @example
 * await app.ready()
 * const { document, drift } = openApi(app, baseDocument)
 */
export function openApi(fastify: FastifyInstance, base?: OpenApiDocument): CompletedOpenApi {
  const installation = installationOf(fastify)
  if (installation === undefined)
    throw new TypeError('status-errors: openApi(app) needs the status-errors plugin')
  const routes = routesOfInstallation.get(installation) ?? []
  // Fastify's onRoute sees each HEAD route it adds, so the recorded routes say which paths answer HEAD.
  return completeOpenApi({ base, routes, options: installation.engine.options, getServesHead: false })
}
