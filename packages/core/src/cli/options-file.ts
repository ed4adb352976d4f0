import type { StatusErrorsOptions } from '../options.js'
import type { CommandIo } from './io.js'

/** status-errors options written as JSON (the options that are functions cannot be). */
export function readOptionsFile(path: string, io: CommandIo): StatusErrorsOptions {
  const options: unknown = JSON.parse(io.readFile(path))
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${path} must hold a JSON object of status-errors options`)
  }
  return options as StatusErrorsOptions
}
