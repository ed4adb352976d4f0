import {
  createLifecycle,
  createStatusErrors,
  type Lifecycle,
  misplacedInstall,
  warnMisuse,
} from '@status-errors/core/adapter'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { installationOf } from './accepted.js'
import { createFastifyPort } from './port.js'

/** For apps that pass `frameworkErrors` but never register the plugin: made on the first such error. */
let withoutPlugin: Lifecycle<FastifyReply> | undefined
const warnedApps = new WeakSet<object>()
const NO_ROUTES = { pathMethods: new Set<string>(), appMethods: undefined }

/**
 * For Fastify's `frameworkErrors` server option: the errors its router raises before any hook or
 * handler runs — malformed percent-encoding in a path parameter (`FST_ERR_BAD_URL`, whose own
 * answer quotes the path), a failing async constraint, and on Fastify 5 an over-long parameter.
 * A plugin cannot reach them, so they are answered here with the documented body, through the app's
 * status-errors plugin. Without the plugin, a warning names the fix and the default options answer.
 *
 * @example
 * const app = fastify({ frameworkErrors })
 * await app.register(statusErrors)
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const installation = installationOf(request.server)
  if (installation !== undefined) {
    installation.answerError(reply, error)
    return
  }
  if (!warnedApps.has(request.server)) {
    warnedApps.add(request.server)
    warnMisuse(
      misplacedInstall('frameworkErrors needs the status-errors plugin: await app.register(statusErrors)'),
    )
  }
  // Still the documented 400 rather than Fastify's, which quotes the path; no route is known.
  withoutPlugin ??= createLifecycle(
    createStatusErrors(),
    createFastifyPort(() => NO_ROUTES),
  )
  withoutPlugin.answerError(reply, error)
}
