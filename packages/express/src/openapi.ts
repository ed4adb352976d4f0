import type { CompletedOpenApi, OpenApiDocument } from '@status-errors/core'
import { completeOpenApi, type LiveRoute, unreadableRoutes, warnMisuse } from '@status-errors/core/adapter'
import type { Express } from 'express'
import { installationOf } from './accepted.js'
import { hasRoutes, isObjectLike, readAppStack, readMountedStack, readRoute } from './router-layer.js'

/** Routers nest a few levels deep; the limit only stops a router mounted in itself. */
const MAX_DEPTH = 32

/** Apps already told that some of their routers could not be read: `openApi` may run per request. */
const warnedApps = new WeakSet<object>()

/**
 * The OpenAPI document of an app, completed from its live routes by its status-errors
 * installation: each operation gets the error responses status-errors can answer for it, and the
 * drift between `base` and the routes is reported. Call it after the routes are added. Routes of
 * mounted routers count (with their mount path); a mounted sub-app is opaque and does not. A
 * router whose mount path cannot be read is left out, with a warning that names the fix.
 *
 * @example
 * app.use(statusErrors())
 * const { document, drift } = openApi(app, baseDocument)
 * app.get('/openapi.json', (_req, res) => void res.json(document))
 */
export function openApi(app: Express, base?: OpenApiDocument): CompletedOpenApi {
  const { options } = installationOf(app).engine
  const { routes, unreadMounts } = liveRoutes(app)
  if (unreadMounts > 0 && !warnedApps.has(app)) {
    warnedApps.add(app)
    warnMisuse(unreadMountsWarning(unreadMounts))
  }
  return completeOpenApi({ base, routes, options })
}

interface ExpressLiveRoutes {
  routes: LiveRoute[]
  /** Mounted routers holding routes whose mount path could not be read: their routes are missing. */
  unreadMounts: number
}

/** Every route of the app's stack and of the routers mounted in it, with its full path. */
function liveRoutes(app: unknown): ExpressLiveRoutes {
  const found: ExpressLiveRoutes = { routes: [], unreadMounts: 0 }
  collect(readAppStack(app) ?? [], '', found, 0)
  return found
}

function collect(stack: readonly unknown[], prefix: string, into: ExpressLiveRoutes, depth: number): void {
  for (const layer of stack) {
    const route = readRoute(layer)
    if (route !== undefined) {
      const path: unknown = Reflect.get(route, 'path')
      if (typeof path !== 'string') continue
      for (const method of routeMethods(route)) into.routes.push({ method, path: joinPath(prefix, path) })
      continue
    }
    const mounted = readMountedStack(layer)
    if (mounted === undefined || depth >= MAX_DEPTH) continue
    const mountPath = readMountPath(layer)
    if (mountPath !== undefined) collect(mounted, joinPath(prefix, mountPath), into, depth + 1)
    else if (hasRoutes(mounted)) into.unreadMounts++
  }
}

/**
 * Router 2.0-2.2 (what Express 5 installed before router 2.3) keeps a mount path inside a closure;
 * Express 4 keeps it in a RegExp, readable back only without parameters.
 */
function unreadMountsWarning(count: number) {
  return unreadableRoutes(
    `openApi() left out the routes of ${count} mounted router(s): their mount path cannot be read. ` +
      'On Express 5, update the router package to 2.3 or later (npm update router); on Express 4, ' +
      "mount routers at paths without parameters (app.use('/users', users), not '/users/:id').",
  )
}

function routeMethods(route: object): string[] {
  const methods: unknown = Reflect.get(route, 'methods')
  if (!isObjectLike(methods)) return []
  return Object.keys(methods)
    .filter((key) => Reflect.get(methods, key) === true)
    .map((key) => (key === '_all' ? '*' : key.toUpperCase()))
}

/**
 * Where a router is mounted: `layer.rawPath` on Express 5 (router 2); on Express 4 only the
 * layer's RegExp knows it, and a static mount path can be read back from it. A mount path with
 * parameters is not read (`undefined`), and the routes under it are left out.
 */
function readMountPath(layer: unknown): string | undefined {
  if (!isObjectLike(layer)) return undefined
  const rawPath: unknown = Reflect.get(layer, 'rawPath')
  if (typeof rawPath === 'string') return rawPath === '/' ? '' : rawPath
  const regexp: unknown = Reflect.get(layer, 'regexp')
  if (!(regexp instanceof RegExp)) return undefined
  const match = /^\^((?:\\\/(?:[A-Za-z0-9_~-]|\\\.)+)*)\\\/\?\(\?=\\\/\|\$\)$/.exec(regexp.source)
  return match?.[1]?.replaceAll('\\/', '/').replaceAll('\\.', '.')
}

function joinPath(mountPath: string, path: string): string {
  const prefix = mountPath.endsWith('/') ? mountPath.slice(0, -1) : mountPath
  if (prefix === '') return path
  return path === '/' ? prefix : `${prefix}${path}`
}
