import { CATCH_ALL_PROBE_PATH, type RouteMethods } from '@status-errors/core/adapter'
import {
  addRouteMethods,
  matchLayer,
  readAppStack,
  readMountedStack,
  readRoute,
  readStack,
} from './router-layer.js'

/** Reads what an app's routers know about a path that no route answered. */
export type RouteMethodsReader = (app: unknown, path: string) => RouteMethods

/** When the router stack cannot be found, fail open: core then answers a plain 404. */
const UNKNOWN_ROUTES: RouteMethods = { pathMethods: new Set<string>(), appMethods: undefined }

interface AppMethodsEntry {
  readonly layerCount: number
  readonly methods: ReadonlySet<string>
}

/**
 * Creates a reader that walks the app's router stack, recursing into mounted routers with the
 * matched prefix trimmed, like the router does. Mounted sub-apps are opaque (Express keeps no
 * reference to them), so they contribute nothing.
 *
 * @example
 * const readRouteMethods = createRouteMethodsReader()
 * const { pathMethods, appMethods } = readRouteMethods(req.app, req.path)
 */
export function createRouteMethodsReader(): RouteMethodsReader {
  const catchAllByRoute = new WeakMap<object, boolean>()
  const appMethodsByStack = new WeakMap<object, AppMethodsEntry>()

  /** A route that also matches the probe path is a root catch-all (`options('*')`, `/{*splat}`). */
  function isCatchAll(layer: unknown, route: object): boolean {
    let catchAll = catchAllByRoute.get(route)
    if (catchAll === undefined) {
      catchAll = matchLayer(layer, CATCH_ALL_PROBE_PATH) !== undefined
      catchAllByRoute.set(route, catchAll)
    }
    return catchAll
  }

  /**
   * Adds the methods of routes matching `path` (`undefined`: a router whose prefix did not match,
   * visited only to count) and returns how many layers and route handlers the walk saw.
   */
  function collectPathMethods(
    stack: readonly unknown[],
    path: string | undefined,
    into: Set<string>,
    depth: number,
  ): number {
    let layerCount = stack.length
    for (const layer of stack) {
      const route = readRoute(layer)
      if (route !== undefined) {
        layerCount += readStack(route)?.length ?? 0
        if (path !== undefined && matchLayer(layer, path) !== undefined && !isCatchAll(layer, route)) {
          addRouteMethods(route, into)
        }
        continue
      }
      const mounted = readMountedStack(layer, depth)
      if (mounted === undefined) continue
      const prefix = path === undefined ? undefined : matchLayer(layer, path)
      const rest = path === undefined || prefix === undefined ? undefined : trimPrefix(path, prefix)
      layerCount += collectPathMethods(mounted, rest, into, depth + 1)
    }
    return layerCount
  }

  /**
   * The methods of every route in the app, cached per stack. Routes may be added after
   * `app.use(statusErrors())`, so the cache is keyed on the number of layers and route handlers.
   */
  function appMethodsFor(stack: readonly unknown[], layerCount: number): ReadonlySet<string> {
    const cached = appMethodsByStack.get(stack)
    if (cached !== undefined && cached.layerCount === layerCount) return cached.methods
    const methods = new Set<string>()
    collectAllMethods(stack, methods, 0)
    appMethodsByStack.set(stack, { layerCount, methods })
    return methods
  }

  return function readRouteMethods(app, path) {
    const stack = readAppStack(app)
    if (stack === undefined) return UNKNOWN_ROUTES
    const pathMethods = new Set<string>()
    const layerCount = collectPathMethods(stack, path, pathMethods, 0)
    return { pathMethods, appMethods: appMethodsFor(stack, layerCount) }
  }
}

function collectAllMethods(stack: readonly unknown[], into: Set<string>, depth: number): void {
  for (const layer of stack) {
    const route = readRoute(layer)
    if (route !== undefined) {
      addRouteMethods(route, into)
      continue
    }
    const mounted = readMountedStack(layer, depth)
    if (mounted !== undefined) collectAllMethods(mounted, into, depth + 1)
  }
}

/** A mounted router sees the path after its prefix, always starting with `/` (as the router does). */
function trimPrefix(path: string, prefix: string): string {
  const rest = path.slice(prefix.length)
  return rest.startsWith('/') ? rest : `/${rest}`
}
