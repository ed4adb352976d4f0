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

/**
 * The routes of the listing whose error handler line names Fastify's default handler, each with
 * its whole path: the listing is a radix tree whose lines hold only the part of the path a node
 * adds, so each route line is joined to the nodes above it. A node whose routes differ in
 * constraints or error handler shows the others on lines of their own, without a branch.
 */
function routesWithDefaultHandler(listing: string): string[] {
  const lines = listing.split('\n')
  const ancestors: { readonly depth: number; readonly segment: string }[] = []
  const routes: string[] = []
  const pathHere = () => ancestors.map((ancestor) => ancestor.segment).join('')
  for (const [index, line] of lines.entries()) {
    const node = TREE_NODE.exec(line)
    const text = node?.[2] ?? line.replace(INDENT, '')
    const route = ROUTE_NODE.exec(text)
    if (node !== null) {
      const depth = node[1]?.length ?? 0
      while ((ancestors.at(-1)?.depth ?? -1) >= depth) ancestors.pop()
      ancestors.push({ depth, segment: route?.[1] ?? (text === EMPTY_ROOT_NODE ? '' : text) })
    }
    if (route !== null && lines[index + 1]?.includes(FASTIFY_DEFAULT_ERROR_HANDLER) === true) {
      routes.push(`  ${pathHere()} ${route[2]}`)
    }
  }
  return routes
}

/** A node line of `printRoutes`: its indentation, then what the node adds to the path. */
const TREE_NODE = /^([\s│]*)[├└]── (.*)$/
/** The indentation of a line without a branch: a node's further routes and its meta lines. */
const INDENT = /^[\s│]*/
/** How the listing shows the root node when routes start with different characters (`/x`, `*`). */
const EMPTY_ROOT_NODE = '(empty root node)'
/** A route of a node: its part of the path, then its methods (and any constraints). */
const ROUTE_NODE = /^([^•]*?) (\([A-Z][A-Z, -]*\).*)$/

/**
 * `OPTIONS *`, the preflight route of @fastify/cors (registered first by `@fastify/autoload`'s
 * alphabetical order): it answers every preflight itself and throws nothing an error handler could
 * answer, so it may keep Fastify's.
 */
function isPreflightCatchAll(line: string): boolean {
  return /^\s*\/?\*\s+\(OPTIONS\)$/.test(line)
}
