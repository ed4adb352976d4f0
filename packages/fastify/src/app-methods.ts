import { METHODS } from 'node:http'
import type { FastifyInstance } from 'fastify'

/** What `printRoutes({ method })` answers when no route uses the method (find-my-way 8 and 9). */
const EMPTY_ROUTE_TREE = '(empty tree)'

/**
 * The methods used by the app's routes, for core's 501 decision (RFC 9110 §9.1: a method no
 * resource supports is not implemented) and as the only methods worth looking up for a path.
 *
 * `onRoute` sees every route registered after the plugin, in child plugins too, and the HEAD
 * routes Fastify adds for GET routes. Routes registered before the plugin were never shown to the
 * hook, so once the app is ready (no route can be added after that) every method the hook has not
 * seen is asked of the router itself.
 */
export interface AppMethods {
  /** Grows until the app is ready, then stays fixed. */
  readonly set: ReadonlySet<string>
  /** The same methods, as an array for the per-request lookups. */
  list(): readonly string[]
}

export function watchAppMethods(fastify: FastifyInstance): AppMethods {
  const methods = new Set<string>()
  let list: readonly string[] | undefined

  fastify.addHook('onRoute', (route) => {
    for (const method of typeof route.method === 'string' ? [route.method] : route.method) {
      methods.add(method.toUpperCase())
    }
  })

  fastify.addHook('onReady', (done) => {
    for (const method of methodsFastifyRoutes(fastify)) {
      if (!methods.has(method) && fastify.printRoutes({ method }) !== EMPTY_ROUTE_TREE) methods.add(method)
    }
    list = [...methods]
    done()
  })

  return {
    set: methods,
    list: () => list ?? [...methods],
  }
}

/** Fastify 5 lists its methods (more come with `addHttpMethod`); Fastify 4 routes a subset of Node's. */
function methodsFastifyRoutes(fastify: FastifyInstance): readonly string[] {
  const supported: readonly string[] | undefined = fastify.supportedMethods
  return supported ?? METHODS
}
