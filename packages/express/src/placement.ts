import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { misplacedInstall, warnMisuse } from '@status-errors/core/adapter'
import { hasRoutes, isObjectLike, readAppStack, readMountedStack, readRoute } from './router-layer.js'

/** The handlers of one installation, as they appear as layers in an app's stack. */
export interface InstalledHandlers {
  readonly guard: object
  readonly unmatched: object
  /** The options that act before the routes, by name; empty when the guard is optional. */
  readonly earlyOptions: readonly string[]
  /** Warns that the guard is missing, once per installation, whichever check finds it first. */
  readonly warnMissingGuard: () => void
}

/**
 * Checks where an installation sits in an app's stack, once per app, on the first request one of
 * its handlers sees (Express offers no earlier moment: `app.use` calls nothing). Returns `true`
 * when the handlers sit before some of the routes: the unmatched handler must then pass requests
 * on, or every route after it would answer 404.
 */
export function createPlacementCheck(handlers: InstalledHandlers): (app: unknown) => boolean {
  const checked = new WeakMap<object, boolean>()
  // Runs on every unmatched or failed request: the answer for the last app (almost always the only
  // one) is kept without a WeakMap lookup.
  let lastApp: object | undefined
  let lastEarly = false
  return function isBeforeRoutes(app) {
    if (app === lastApp) return lastEarly
    if (!isObjectLike(app)) return false
    let early = checked.get(app)
    if (early === undefined) {
      early = checkPlacement(app, handlers)
      checked.set(app, early)
    }
    lastApp = app
    lastEarly = early
    return early
  }
}

function checkPlacement(app: object, handlers: InstalledHandlers): boolean {
  const stack = readAppStack(app) ?? []
  const positions = stack.map(describeLayer(handlers))
  const unmatchedAt = positions.findIndex((layer) => layer.unmatched)
  const guardAt = positions.findIndex((layer) => layer.guard)
  const firstRoute = positions.findIndex((layer) => layer.routes)
  const lastRoute = positions.findLastIndex((layer) => layer.routes)
  const beforeRoutes = unmatchedAt !== -1 && lastRoute > unmatchedAt
  if (beforeRoutes) {
    warnMisuse(
      misplacedInstall(
        'app.use(statusErrors()) is mounted before some routes, which would make them all answer 404; ' +
          'until it is moved they are passed through. Mount app.use(errors) after the last route ' +
          '(and app.use(errors.guard) before the first).',
      ),
    )
  }
  if (handlers.earlyOptions.length > 0 && (guardAt === -1 || (firstRoute !== -1 && guardAt > firstRoute))) {
    handlers.warnMissingGuard()
  }
  return beforeRoutes
}

/**
 * What one layer of the app's stack holds. A mounted router can hold the guard ahead of its own
 * routes (`api.use(errors.guard)`, then `api.get(…)`): it then counts as both, in that order.
 */
interface LayerKind {
  readonly guard: boolean
  readonly unmatched: boolean
  readonly routes: boolean
}

function describeLayer(handlers: InstalledHandlers): (layer: unknown) => LayerKind {
  return (layer) => {
    const handle: unknown = isObjectLike(layer) ? Reflect.get(layer, 'handle') : undefined
    const mounted = readMountedStack(layer, 0) ?? []
    return {
      guard: handle === handlers.guard || guardBeforeRoutes(mounted, handlers.guard, 0) === true,
      unmatched: handle === handlers.unmatched,
      routes: readRoute(layer) !== undefined || hasRoutes(mounted),
    }
  }
}

/** `true`: the guard comes before any route of the stack; `false`: a route comes first; `undefined`: neither is there. */
function guardBeforeRoutes(stack: readonly unknown[], guard: object, depth: number): boolean | undefined {
  for (const layer of stack) {
    if (isObjectLike(layer) && Reflect.get(layer, 'handle') === guard) return true
    if (readRoute(layer) !== undefined) return false
    const inner = guardBeforeRoutes(readMountedStack(layer, depth) ?? [], guard, depth + 1)
    if (inner !== undefined) return inner
  }
  return undefined
}

/** The options that need the guard, given without it: they would silently do nothing. */
export function missingGuard(earlyOptions: readonly string[]) {
  return misplacedInstall(
    `the option(s) ${earlyOptions.join(', ')} act before the routes and do nothing without the guard: ` +
      'const errors = statusErrors(options); app.use(errors.guard) before the routes, app.use(errors) after them.',
  )
}

const REQUEST_START = 'http.server.request.start'

/** The checks waiting for the process's next served request. */
const waitingForRequest = new Set<() => void>()
let subscribed = false

/**
 * Calls `check` once, when an HTTP server of this process receives its next request. An app is
 * assembled before it serves, but not always in one synchronous run (`await db.connect()` between
 * `statusErrors()` and `app.use(errors.guard)`), so this is the earliest moment Express leaves at
 * which a guard never taken is known never to be mounted. Another server of the process serving
 * while the app is still being assembled can come first; an app served without a Node HTTP server
 * (http2, serverless adapters) is checked only by the placement check on its first unmatched or
 * failed request.
 */
export function onNextServedRequest(check: () => void): void {
  waitingForRequest.add(check)
  if (subscribed) return
  subscribed = true
  subscribe(REQUEST_START, runWaitingChecks)
}

function runWaitingChecks(): void {
  const checks = [...waitingForRequest]
  waitingForRequest.clear()
  // Not while Node is publishing this request: some Node 20 releases skip the next subscriber, or
  // throw, when one unsubscribes from inside `publish`. Node publishes the channel only while it has
  // subscribers: after this, no request pays for it.
  process.nextTick(unsubscribeWhenIdle)
  for (const check of checks) check()
}

function unsubscribeWhenIdle(): void {
  if (waitingForRequest.size > 0) return
  subscribed = false
  unsubscribe(REQUEST_START, runWaitingChecks)
}
