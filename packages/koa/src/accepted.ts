import type { AcceptedOptions } from '@status-errors/core'
import { type Lifecycle, misplacedInstall } from '@status-errors/core/adapter'
import type { Context } from 'koa'

/** The installation behind each `statusErrors()` middleware. */
const installationOfMiddleware = new WeakMap<object, Lifecycle<Context>>()

interface Found {
  readonly middlewareCount: number
  readonly lifecycle: Lifecycle<Context>
}

/** Looked up on an app's first `accepted()` and kept until its middleware list changes. */
const installationOfApp = new WeakMap<object, Found>()

export function registerInstallation(middleware: object, lifecycle: Lifecycle<Context>): void {
  installationOfMiddleware.set(middleware, lifecycle)
}

/**
 * Answers 202 Accepted for work that continues in the background (RFC 9110 §15.3.3), with the
 * documented body and an optional `Location`, through the app's `statusErrors()` (found in
 * `app.middleware`). Throws a TypeError for a bad context or options, and a
 * `StatusErrorsConfigError` when the app has no `statusErrors()`. Writes nothing when the response
 * has already started (a timeout answered).
 *
 * @example
 * router.post('/exports', (ctx) => {
 *   const job = queue.add(ctx.request.body)
 *   accepted(ctx, { location: `/exports/${job.id}` })
 * })
 */
export function accepted(ctx: Context, options?: AcceptedOptions): void {
  if (!isContext(ctx)) throw new TypeError('status-errors: accepted(ctx) needs the Koa context')
  installationOf(ctx.app).answerAccepted(ctx, options)
}

function isContext(value: unknown): value is Context {
  if (typeof value !== 'object' || value === null) return false
  const res: unknown = Reflect.get(value, 'res')
  return typeof res === 'object' && res !== null && typeof Reflect.get(value, 'response') === 'object'
}

/** Read from `app.middleware`, so requests that use no helper pay nothing. */
export function installationOf(app: unknown): Lifecycle<Context> {
  const middleware: unknown =
    typeof app === 'object' && app !== null ? Reflect.get(app, 'middleware') : undefined
  if (typeof app === 'object' && app !== null && Array.isArray(middleware)) {
    const known = installationOfApp.get(app)
    if (known !== undefined && known.middlewareCount === middleware.length) return known.lifecycle
    for (const entry of middleware) {
      const lifecycle = typeof entry === 'function' ? installationOfMiddleware.get(entry) : undefined
      if (lifecycle === undefined) continue
      installationOfApp.set(app, { middlewareCount: middleware.length, lifecycle })
      return lifecycle
    }
  }
  throw misplacedInstall('accepted(ctx) needs app.use(statusErrors()) on the app, before its routers')
}
