import type { ResolvedOptions, StatusErrors } from '@status-errors/core'
import { hasGuard } from './installation.js'

/**
 * When the options need `statusGuard` (timeouts, `maintenance`, `shed`, `produces`, `success`),
 * returns a check that warns once, on the first request `statusErrors` sees, if no guard is
 * mounted: without it those options silently do nothing. `undefined` when nothing needs the guard.
 */
export function createMissingGuardCheck(engine: StatusErrors): ((app: unknown) => void) | undefined {
  if (!engine.needsGuard) return undefined
  let checked = false
  return function warnIfGuardMissing(app) {
    if (checked) return
    checked = true
    if (hasGuard(app)) return
    console.warn(
      `status-errors: the option(s) ${guardOptionNames(engine.options).join(', ')} act before the routes ` +
        'and do nothing without statusGuard: mount app.use(statusGuard(options)) before the routes and ' +
        'app.use(statusErrors(options)) after them.',
    )
  }
}

function guardOptionNames(options: ResolvedOptions): string[] {
  const names: string[] = []
  if (options.bodyTimeout !== undefined || options.handlerTimeout !== undefined) names.push('timeout')
  if (options.maintenance !== undefined) names.push('maintenance')
  if (options.maxInFlight !== undefined) names.push('shed')
  if (options.produces !== undefined) names.push('produces')
  if (options.success === 'documented') names.push('success')
  return names
}
