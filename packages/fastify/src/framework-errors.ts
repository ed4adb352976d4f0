import {
  createLifecycle,
  createStatusErrors,
  type Lifecycle,
  misplacedInstall,
  warnMisuse,
} from '@status-errors/core/adapter'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { installationOf } from './accepted.js'
import { createFastifyPort } from './port.js'

/** For apps that pass `frameworkErrors` but never register the plugin: made on the first such error. */
let withoutPlugin: Lifecycle<FastifyReply> | undefined
const warnedApps = new WeakSet<object>()
const NO_ROUTES = { pathMethods: new Set<string>(), appMethods: undefined }

/**
 * For Fastify's `frameworkErrors` server option: the errors its router raises before any hook or
 * handler runs — malformed percent-encoding in a path parameter (`FST_ERR_BAD_URL`, whose own
 * answer quotes the path), a failing async constraint, and on Fastify 5 an over-long parameter
 * (Fastify's own answer is a 414 the table does not list). A plugin cannot reach them, so they
 * are answered here with the documented body, through the app's status-errors plugin. Without
 * the plugin, a warning names the fix and the default options answer.
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

/** The description of the symbol under which Fastify 4 and 5 keep the server options they were given. */
const SERVER_OPTIONS = 'fastify.options'

/**
 * Makes the router's own errors reach status-errors when the app was created without
 * `frameworkErrors`. Fastify 5 reads the option from its server options on every such error, so
 * it is filled in there; Fastify 4 reads it once, when the server is created, so only a warning
 * at `ready` can name the fix (`fastify({ frameworkErrors })`). An app's own `frameworkErrors`
 * is left alone.
 */
export function installFrameworkErrors(fastify: FastifyInstance): void {
  const options = serverOptions(fastify)
  if (options === undefined || typeof options.frameworkErrors === 'function') return
  if (fastify.version.startsWith('5.')) {
    options.frameworkErrors = frameworkErrors
    return
  }
  fastify.addHook('onReady', function warnWithoutFrameworkErrors(done) {
    warnMisuse(
      misplacedInstall(
        'Fastify answers malformed URLs itself (quoting the path) unless the server is created with ' +
          "status-errors' frameworkErrors: fastify({ frameworkErrors }).",
      ),
    )
    done()
  })
}

function serverOptions(fastify: FastifyInstance): { frameworkErrors?: unknown } | undefined {
  for (let object: object | null = fastify; object !== null; object = Reflect.getPrototypeOf(object)) {
    const symbol = Object.getOwnPropertySymbols(object).find((key) => key.description === SERVER_OPTIONS)
    if (symbol === undefined) continue
    const options: unknown = Reflect.get(object, symbol)
    return typeof options === 'object' && options !== null
      ? (options as { frameworkErrors?: unknown })
      : undefined
  }
  return undefined
}
