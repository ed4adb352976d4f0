import { StatusErrorsConfigError } from '@status-errors/core'
import { vi } from 'vitest'

/**
 * Collects the misuse warnings status-errors emits (`process.emitWarning` with a
 * `StatusErrorsConfigError`) instead of printing them; restore with `vi.restoreAllMocks()`.
 */
export function collectWarnings(): StatusErrorsConfigError[] {
  const warnings: StatusErrorsConfigError[] = []
  vi.spyOn(process, 'emitWarning').mockImplementation((warning) => {
    if (warning instanceof StatusErrorsConfigError) warnings.push(warning)
  })
  return warnings
}
