import { misplacedInstall } from '@status-errors/core/adapter'
import type { FastifyInstance } from 'fastify'

/** The name `printRoutes({ includeMeta })` shows for Fastify's own error handler (Fastify 4 and 5). */
const FASTIFY_DEFAULT_ERROR_HANDLER = 'defaultErrorHandler()'

/**
 * Fails `register` (and so `ready`/`listen`) when the plugin cannot answer for the whole app:
 * - inside a prefixed plugin, only that prefix would get documented 404s; every other path would
 *   get Fastify's own;
 * - registered after routes (or inside a child plugin while the root has routes): Fastify binds a
 *   route's error handler when the route is registered, so those routes keep Fastify's own, which
 *   sends a 5xx's message to the client. That binding is only final once every plugin has loaded,
 *   so it is read at `onReady`, from Fastify's own route listing.
 */
export function assertPlacement(fastify: FastifyInstance): void {
  if (fastify.prefix !== '') {
    throw misplacedInstall(
      `@status-errors/fastify is registered inside a plugin with prefix "${fastify.prefix}"; register it ` +
        'once, at the root: await app.register(statusErrors) before any plugin or route.',
    )
  }
  fastify.addHook('onReady', function assertEveryRouteAnswered(done) {
    const listing = fastify.printRoutes({ includeMeta: ['errorHandler'] })
    if (!listing.includes(FASTIFY_DEFAULT_ERROR_HANDLER)) return done()
    const routes = routesWithDefaultHandler(listing).filter((line) => !isPreflightCatchAll(line))
    if (routes.length === 0) return done()
    done(
      misplacedInstall(
        "@status-errors/fastify is registered after routes, which keep Fastify's own error handler " +
          `(it sends 5xx messages to clients):\n${routes.join('\n')}\nRegister it first, at the root: ` +
          'await app.register(statusErrors) before any route or plugin that adds routes.',
      ),
    )
  })
}

/** The route lines of the listing whose error handler line names Fastify's default handler. */
function routesWithDefaultHandler(listing: string): string[] {
  const lines = listing.split('\n')
  return lines
    .filter((_line, index) => lines[index + 1]?.includes(FASTIFY_DEFAULT_ERROR_HANDLER) === true)
    .map((line) => line.replace(/^[\s│├└─]+/, '  '))
}

/**
 * `OPTIONS *`, the preflight route of @fastify/cors (registered first by `@fastify/autoload`'s
 * alphabetical order): it answers every preflight itself and throws nothing an error handler could
 * answer, so it may keep Fastify's.
 */
function isPreflightCatchAll(line: string): boolean {
  return /^\s*\/?\*\s+\(OPTIONS\)$/.test(line)
}
