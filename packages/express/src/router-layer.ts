/**
 * Readers for Express's router internals (`layer`, `route`, `router.stack`). They are undocumented
 * and differ between Express 4, router 2.0-2.2 and router 2.3, so every read is
 * feature-detected on `unknown` values and never throws.
 */

/** Functions count: a mounted `Router` is a function that carries its `stack`. */
export function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}

/**
 * The root router stack of an Express app: `app._router` on Express 4, created by
 * `app.lazyrouter()` (its `app.router` getter throws), `app.router` on Express 5.
 */
export function readAppStack(app: unknown): readonly unknown[] | undefined {
  if (!isObjectLike(app)) return undefined
  try {
    const lazyrouter: unknown = Reflect.get(app, 'lazyrouter')
    if (typeof lazyrouter === 'function') {
      lazyrouter.call(app)
      return readStack(Reflect.get(app, '_router'))
    }
    return readStack(Reflect.get(app, 'router'))
  } catch {
    return undefined
  }
}

/** The `stack` array of a router (or of a route), when `value` has one. */
export function readStack(value: unknown): readonly unknown[] | undefined {
  if (!isObjectLike(value)) return undefined
  const stack: unknown = Reflect.get(value, 'stack')
  return Array.isArray(stack) ? stack : undefined
}

/** The `Route` behind a route layer (`app.get`, `router.route` …); middleware and routers have none. */
export function readRoute(layer: unknown): object | undefined {
  if (!isObjectLike(layer)) return undefined
  const route: unknown = Reflect.get(layer, 'route')
  return isObjectLike(route) ? route : undefined
}

/** Routers nest a few levels deep; the limit only stops a router mounted in itself. */
const MAX_ROUTER_DEPTH = 32

/**
 * The stack of a router mounted by this (non-route) layer of a stack `depth` routers deep; a
 * mounted sub-app has none (it is opaque), and nor has a layer past the nesting limit.
 */
export function readMountedStack(layer: unknown, depth: number): readonly unknown[] | undefined {
  if (depth >= MAX_ROUTER_DEPTH || !isObjectLike(layer)) return undefined
  return readStack(Reflect.get(layer, 'handle'))
}

/** Whether a mounted router holds a route, at any depth; one of middleware only routes nothing. */
export function hasRoutes(stack: readonly unknown[], depth = 0): boolean {
  return stack.some(
    (layer) => readRoute(layer) !== undefined || hasRoutes(readMountedStack(layer, depth) ?? [], depth + 1),
  )
}

/**
 * Adds the methods of `route.methods` to `into`, upper-case. Keys are lower-case; `_all` (from
 * `.all()`) means every method and is added as `'*'`.
 */
export function addRouteMethods(route: object, into: Set<string>): void {
  const methods: unknown = Reflect.get(route, 'methods')
  if (!isObjectLike(methods)) return
  for (const key of Object.keys(methods)) {
    if (Reflect.get(methods, key) !== true) continue
    into.add(key === '_all' ? '*' : key.toUpperCase())
  }
}

/**
 * The part of `path` a layer matched, or `undefined` when it does not match. Handles the two
 * shapes of `layer.match`: a boolean plus a mutated `layer.path` (Express 4, router ≤2.2), or a
 * `{ path, … }` result / `false` (router 2.3). A malformed percent-escape in a parameter makes
 * `match` throw a URIError; for this walk that is simply no match.
 */
export function matchLayer(layer: unknown, path: string): string | undefined {
  if (!isObjectLike(layer)) return undefined
  const match: unknown = Reflect.get(layer, 'match')
  if (typeof match !== 'function') return undefined
  let result: unknown
  try {
    result = match.call(layer, path)
  } catch {
    return undefined
  }
  if (result === true) return readMatchedPath(layer)
  if (isObjectLike(result)) return readMatchedPath(result)
  return undefined
}

function readMatchedPath(source: object): string {
  const matched: unknown = Reflect.get(source, 'path')
  return typeof matched === 'string' ? matched : ''
}
