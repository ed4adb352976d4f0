/** Codes of the configuration errors status-errors throws at startup (never on the request path). */
export type StatusErrorsConfigCode = 'ERR_STATUS_ERRORS_INVALID_OPTION' | 'ERR_STATUS_ERRORS_INVALID_STATUS'

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
