import type { CompletedOpenApi, OpenApiDocument } from '@status-errors/core'
import { completeOpenApi, type LiveRoute } from '@status-errors/core/adapter'
import type { Express } from 'express'
import { installationOf } from './accepted.js'
import { isObjectLike, readAppStack, readMountedStack, readRoute } from './router-layer.js'

/** Routers nest a few levels deep; the limit only stops a router mounted in itself. */
const MAX_DEPTH = 32

/**
 * The OpenAPI document of an app, completed from its live routes by its status-errors
 * installation: each operation gets the error responses status-errors can answer for it, and the
 * drift between `base` and the routes is reported. Call it after the routes are added. Routes of
 * mounted routers count (with their mount path); a mounted sub-app is opaque and does not.
 *
 * @example
 * app.use(statusErrors())
 * const { document, drift } = openApi(app, baseDocument)
 * app.get('/openapi.json', (_req, res) => void res.json(document))
 */
export function openApi(app: Express, base?: OpenApiDocument): CompletedOpenApi {
  const { options } = installationOf(app).engine
  return completeOpenApi({ base, routes: liveRoutes(app), options })
}

/** Every route of the app's stack and of the routers mounted in it, with its full path. */
export function liveRoutes(app: unknown): LiveRoute[] {
  const routes: LiveRoute[] = []
  collect(readAppStack(app) ?? [], '', routes, 0)
  return routes
}

function collect(stack: readonly unknown[], prefix: string, into: LiveRoute[], depth: number): void {
  for (const layer of stack) {
    const route = readRoute(layer)
    if (route !== undefined) {
      const path: unknown = Reflect.get(route, 'path')
      if (typeof path !== 'string') continue
      for (const method of routeMethods(route)) into.push({ method, path: joinPath(prefix, path) })
      continue
    }
    const mounted = readMountedStack(layer)
    const mountPath = mounted === undefined ? undefined : readMountPath(layer)
    if (mounted !== undefined && mountPath !== undefined && depth < MAX_DEPTH) {
      collect(mounted, joinPath(prefix, mountPath), into, depth + 1)
    }
  }
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
