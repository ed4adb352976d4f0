/** Codes of the configuration errors status-errors throws at startup (never on the request path). */
export type StatusErrorsConfigCode =
  | 'ERR_STATUS_ERRORS_INVALID_OPTION'
  | 'ERR_STATUS_ERRORS_INVALID_STATUS'
  | 'ERR_STATUS_ERRORS_MISPLACED'
  | 'ERR_STATUS_ERRORS_UNREADABLE_ROUTES'

/** A mistake in the options or catalog given to status-errors, raised when the middleware is created. */
export class StatusErrorsConfigError extends TypeError {
  readonly code: StatusErrorsConfigCode

  constructor(code: StatusErrorsConfigCode, message: string) {
    super(`status-errors: ${message}`)
    this.name = 'StatusErrorsConfigError'
    this.code = code
  }
}

export function invalidOption(message: string): StatusErrorsConfigError {
  return new StatusErrorsConfigError('ERR_STATUS_ERRORS_INVALID_OPTION', message)
}

/**
 * status-errors installed where it cannot keep its promise (after the routes, inside a prefixed
 * plugin, after the routers). The message names the fix.
 */
export function misplacedInstall(message: string): StatusErrorsConfigError {
  return new StatusErrorsConfigError('ERR_STATUS_ERRORS_MISPLACED', message)
}

/**
 * Routes an adapter cannot read from the framework (a router whose mount path its version keeps
 * out of reach): they would be missing from the OpenAPI document. The message names the fix.
 */
export function unreadableRoutes(message: string): StatusErrorsConfigError {
  return new StatusErrorsConfigError('ERR_STATUS_ERRORS_UNREADABLE_ROUTES', message)
}

/**
 * Reports a misuse where the framework gives no earlier moment to fail: as a process warning, which
 * Node prints to stderr and applications can route with `process.on('warning')`.
 */
export function warnMisuse(error: StatusErrorsConfigError): void {
  process.emitWarning(error)
}
