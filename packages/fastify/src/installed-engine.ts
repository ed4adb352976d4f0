import { createStatusErrors, type StatusErrors } from '@status-errors/core'
import type { FastifyInstance } from 'fastify'

/**
 * Where the plugin keeps its engine: a decorator on the root instance, which every encapsulated
 * child inherits. Set once per app, so a reply reaches it through `reply.server` for free.
 * `Symbol.for`, so two copies of this package still see each other's installation.
 */
export const ENGINE = Symbol.for('@status-errors/fastify.engine')

let defaultEngine: StatusErrors | undefined

/**
 * The engine of the app's status-errors installation, or — when the plugin is not registered on
 * this app — an engine with the default options, made once.
 */
export function engineOf(server: FastifyInstance | undefined): StatusErrors {
  const installed = (server as { readonly [ENGINE]?: StatusErrors } | undefined)?.[ENGINE]
  if (installed !== undefined) return installed
  defaultEngine ??= createStatusErrors()
  return defaultEngine
}
