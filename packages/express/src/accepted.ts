import type { AcceptedOptions } from '@status-errors/core'
import { type Lifecycle, misplacedInstall } from '@status-errors/core/adapter'
import type { Response } from 'express'
import { isObjectLike, readAppStack, readMountedStack } from './router-layer.js'

/** The installation behind each handler `statusErrors()` returns. */
const installationOfHandler = new WeakMap<object, Lifecycle<Response>>()
/** Found per app on its first `accepted()`, by walking its stack. */
const installationOfApp = new WeakMap<object, Lifecycle<Response>>()

/** Sub-apps nest a few levels deep; the limit only stops an app mounted in itself. */
const MAX_PARENT_DEPTH = 32

export function registerInstallation(handlers: readonly object[], lifecycle: Lifecycle<Response>): void {
  for (const handler of handlers) installationOfHandler.set(handler, lifecycle)
}

/**
 * Answers 202 Accepted for work that continues in the background (RFC 9110 §15.3.3), with the
 * documented body, negotiated like error bodies, and an optional `Location`. It uses the options of
 * the app's `statusErrors()` (in the app, one of its routers, or an app it is mounted in). Throws
 * a TypeError for invalid options, and a `StatusErrorsConfigError` when the app has no
 * `statusErrors()`. Writes nothing when the response has already started (a timeout answered).
 *
 * @example
 * app.post('/exports', (req, res) => {
 *   const job = queue.add(req.body)
 *   accepted(res, { location: `/exports/${job.id}` })
 * })
 */
export function accepted(res: Response, options?: AcceptedOptions): void {
  installationOf(res.app).answerAccepted(res, options)
}

export function installationOf(app: unknown): Lifecycle<Response> {
  if (isObjectLike(app)) {
    const known = installationOfApp.get(app)
    if (known !== undefined) return known
    const found = findInstallation(app)
    if (found !== undefined) {
      installationOfApp.set(app, found)
      return found
    }
  }
  throw misplacedInstall('accepted(res) needs app.use(statusErrors()) on the app that routes the request')
}

/** Looks through the app's stack, its routers', then its parent apps'. */
function findInstallation(app: object): Lifecycle<Response> | undefined {
  let current: unknown = app
  for (let depth = 0; depth < MAX_PARENT_DEPTH && isObjectLike(current); depth++) {
    const found = findInStack(readAppStack(current) ?? [], 0)
    if (found !== undefined) return found
    current = Reflect.get(current, 'parent')
  }
  return undefined
}

function findInStack(stack: readonly unknown[], depth: number): Lifecycle<Response> | undefined {
  for (const layer of stack) {
    if (!isObjectLike(layer)) continue
    const handle: unknown = Reflect.get(layer, 'handle')
    const found = isObjectLike(handle) ? installationOfHandler.get(handle) : undefined
    if (found !== undefined) return found
    const mounted = readMountedStack(layer, depth)
    const nested = mounted === undefined ? undefined : findInStack(mounted, depth + 1)
    if (nested !== undefined) return nested
  }
  return undefined
}
