import type { CompletedOpenApi, OpenApiDocument, StatusErrorsConfigError } from '@status-errors/core'
import { completeOpenApi, type LiveRoute, unreadableRoutes, warnMisuse } from '@status-errors/core/adapter'
import type { Express } from 'express'
import { installationOf } from './accepted.js'
import { hasRoutes, isObjectLike, readAppStack, readMountedStack, readRoute } from './router-layer.js'

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
    const mounted = readMountedStack(layer, depth)
    if (mounted === undefined) continue
    const mountPaths = readMountPaths(layer)
    if (mountPaths === undefined) {
      if (hasRoutes(mounted)) into.unreadMounts++
      continue
    }
    for (const mountPath of mountPaths) collect(mounted, joinPath(prefix, mountPath), into, depth + 1)
  }
}

/** Names the fix for each way a mount path can be out of reach (see `readMountPaths`). */
function unreadMountsWarning(count: number): StatusErrorsConfigError {
  return unreadableRoutes(
    `openApi() left out the routes of ${count} mounted router(s): their mount path cannot be read back. ` +
      "Router 2.0-2.2 keeps every mount path but '/' out of reach: update it to 2.3 or later " +
      '(npm update router). A RegExp mount path cannot be read on any version, nor, on Express 4, one ' +
      "with parameters or a list of paths: mount such a router at a plain path ('/users') and put the " +
      'parameters in its routes.',
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
 * Where a router is mounted, or `undefined` when that cannot be read back:
 * - router 2.3 (Express 5) keeps the path given to `use` as `layer.rawPath`, a list for a list;
 * - router 2.0-2.2 keeps it only inside its matcher closure, but marks a root mount (`slash`);
 * - Express 4 keeps only the layer's RegExp, from which a path without parameters can be read.
 * A RegExp mount path names no single path on any version.
 */
function readMountPaths(layer: unknown): readonly string[] | undefined {
  if (!isObjectLike(layer)) return undefined
  const rawPath: unknown = Reflect.get(layer, 'rawPath')
  if (typeof rawPath === 'string') return [rootAsEmpty(rawPath)]
  if (Array.isArray(rawPath)) {
    return rawPath.every((path): path is string => typeof path === 'string')
      ? rawPath.map(rootAsEmpty)
      : undefined
  }
  if (rawPath !== undefined) return undefined
  if (Reflect.get(layer, 'slash') === true) return ['']
  const regexp: unknown = Reflect.get(layer, 'regexp')
  if (!(regexp instanceof RegExp)) return undefined
  const match = /^\^((?:\\\/(?:[A-Za-z0-9_~-]|\\\.)+)*)\\\/\?\(\?=\\\/\|\$\)$/.exec(regexp.source)
  const path = match?.[1]?.replaceAll('\\/', '/').replaceAll('\\.', '.')
  return path === undefined ? undefined : [path]
}

function rootAsEmpty(path: string): string {
  return path === '/' ? '' : path
}

function joinPath(mountPath: string, path: string): string {
  const prefix = mountPath.endsWith('/') ? mountPath.slice(0, -1) : mountPath
  if (prefix === '') return path
  return path === '/' ? prefix : `${prefix}${path}`
}
