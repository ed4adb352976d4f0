import { createStatusErrors, type StatusErrors } from '@status-errors/core'

/** Each `statusErrors()` middleware and its engine, so helpers can find it from `ctx.app`. */
const engineOfMiddleware = new WeakMap<object, StatusErrors>()

interface Found {
  readonly middlewareCount: number
  readonly engine: StatusErrors
}

/** Looked up on the first helper call and kept until the app's middleware list changes. */
const byApp = new WeakMap<object, Found>()
let defaultEngine: StatusErrors | undefined

export function markInstalled(middleware: object, engine: StatusErrors): void {
  engineOfMiddleware.set(middleware, engine)
}

/**
 * The engine of the `statusErrors()` mounted with `app.use()` (its options shape the answer), or
 * an engine with default options when none is. Read from `app.middleware`, so requests that use no
 * helper pay nothing; a `statusErrors()` hidden in koa-compose or koa-mount is not seen.
 */
export function installedEngine(app: unknown): StatusErrors {
  if (typeof app !== 'object' || app === null) return defaults()
  const middleware: unknown = Reflect.get(app, 'middleware')
  if (!Array.isArray(middleware)) return defaults()
  const known = byApp.get(app)
  if (known !== undefined && known.middlewareCount === middleware.length) return known.engine
  const engine = engineIn(middleware) ?? defaults()
  byApp.set(app, { middlewareCount: middleware.length, engine })
  return engine
}

function engineIn(middleware: readonly unknown[]): StatusErrors | undefined {
  for (const entry of middleware) {
    const engine = typeof entry === 'function' ? engineOfMiddleware.get(entry) : undefined
    if (engine !== undefined) return engine
  }
  return undefined
}

function defaults(): StatusErrors {
  defaultEngine ??= createStatusErrors()
  return defaultEngine
}
