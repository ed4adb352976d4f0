import type { StatusErrors } from '@status-errors/core'
import { isObjectLike, readAppStack, readMountedStack } from './router-layer.js'

/**
 * Which handlers in an app's stack belong to status-errors, found by walking the stack when
 * needed rather than by marking every request: `accepted()` reaches the engine of the app's
 * installation, and `statusErrors` notices a missing `statusGuard`, at no cost to requests that
 * never ask.
 */
const engineByHandler = new WeakMap<object, StatusErrors>()
const guards = new WeakSet<object>()

/** Routers nest a few levels deep in real apps; the limit only stops a router mounted in itself. */
const MAX_DEPTH = 32

/** Records the engine behind a handler returned by `statusErrors` or `statusGuard`. */
export function registerHandler(handler: object, engine: StatusErrors, role: 'guard' | 'errors'): void {
  engineByHandler.set(handler, engine)
  if (role === 'guard') guards.add(handler)
}

/**
 * The engine installed in `app`, in a router mounted in it, or in an app it is mounted in (errors
 * of a sub-app without its own installation go up to its parent's handlers).
 */
export function findEngine(app: unknown): StatusErrors | undefined {
  let found: StatusErrors | undefined
  visitApps(app, (handle) => {
    found = engineByHandler.get(handle)
    return found !== undefined
  })
  return found
}

/** Whether `statusGuard` is mounted in `app`, in one of its routers, or in an app it is mounted in. */
export function hasGuard(app: unknown): boolean {
  return visitApps(app, (handle) => guards.has(handle))
}

/** Visits the handlers of `app` and of its parents until `found` says so. */
function visitApps(app: unknown, found: (handle: object) => boolean): boolean {
  let current: unknown = app
  for (let depth = 0; depth < MAX_DEPTH && isObjectLike(current); depth++) {
    const stack = readAppStack(current)
    if (stack !== undefined && visitStack(stack, found, 0)) return true
    current = Reflect.get(current, 'parent')
  }
  return false
}

function visitStack(stack: readonly unknown[], found: (handle: object) => boolean, depth: number): boolean {
  for (const layer of stack) {
    if (!isObjectLike(layer)) continue
    const handle: unknown = Reflect.get(layer, 'handle')
    if (isObjectLike(handle) && found(handle)) return true
    const mounted = readMountedStack(layer)
    if (mounted !== undefined && depth < MAX_DEPTH && visitStack(mounted, found, depth + 1)) return true
  }
  return false
}
