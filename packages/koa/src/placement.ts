import { misplacedInstall, warnMisuse } from '@status-errors/core/adapter'
import { routerOfMiddleware } from './routes.js'

/**
 * Checks, once per app, on the first request the middleware sees (Koa offers no earlier moment:
 * `app.use` calls nothing), that no router is mounted before it. Mounted after a router, it still
 * answers unmatched requests, but errors thrown by that router's routes never reach it and get
 * Koa's own text/plain answer: a quick `curl /nope` would look right and hide the mistake.
 */
export function createPlacementCheck(middleware: object): (app: object) => void {
  const checked = new WeakSet<object>()
  // Runs on every request: the app of the last request (almost always the only one) is remembered
  // without a WeakSet lookup.
  let lastApp: object | undefined
  return function checkPlacement(app) {
    if (app === lastApp) return
    lastApp = app
    if (checked.has(app)) return
    checked.add(app)
    const stack: unknown = Reflect.get(app, 'middleware')
    if (!Array.isArray(stack)) return
    const position = stack.indexOf(middleware)
    if (
      position === -1 ||
      !stack.slice(0, position).some((entry) => routerOfMiddleware(entry) !== undefined)
    ) {
      return
    }
    warnMisuse(
      misplacedInstall(
        "app.use(statusErrors()) is mounted after a router: errors thrown by its routes get Koa's own " +
          'answer, not the documented one. Mount app.use(statusErrors()) first, before every router.',
      ),
    )
  }
}
