import { StatusErrorsConfigError } from '../errors.js'
import { findTitle, MD_TITLE, RST_TITLE } from './page.js'
import { renderMd } from './render-md.js'
import { renderRst } from './render-rst.js'
import { checkRows, type StatusTableFormat, type StatusTableRow } from './rows.js'

/**
 * Writes the status-code page for `rows`, in the layout `readStatusTable` reads back byte for
 * byte: `preamble` (verbatim, e.g. the `:original_name:` and `.. _label:` lines of the product
 * spec), the `Status Codes` title, then a Normal and an Abnormal section (each only if it has
 * rows) holding the rows in the order given. For `createCatalog().entries()` in `rst` with the
 * spec's preamble, this is `spec/status-codes.rst` exactly.
 *
 * Rows must be valid: status 100-599 and unique, `kind` matching the class, title and description
 * non-empty, without surrounding spaces or control characters; otherwise a
 * `StatusErrorsConfigError` (`ERR_STATUS_ERRORS_INVALID_STATUS`). So must the preamble: empty or
 * ending with a newline, with no carriage return and no title of its own.
 *
 * @example
 * renderStatusTable(createCatalog().entries(), { format: 'md' })
 */
export function renderStatusTable(
  rows: readonly StatusTableRow[],
  options: { readonly format: StatusTableFormat; readonly preamble?: string },
): string {
  const { format, preamble = '' } = options
  if (format !== 'rst' && format !== 'md')
    throw invalid(`format must be "rst" or "md", not ${JSON.stringify(format)}`)
  checkPreamble(preamble, format)
  checkRows(rows)
  return preamble + (format === 'rst' ? renderRst(rows) : renderMd(rows))
}

function checkPreamble(preamble: string, format: StatusTableFormat): void {
  if (typeof preamble !== 'string') throw invalid('the preamble must be a string')
  if (preamble !== '' && !preamble.endsWith('\n')) throw invalid('the preamble must end with a newline')
  if (preamble.includes('\r')) throw invalid('the preamble must not contain a carriage return')
  // Read back, the page would split at a title inside the preamble instead of at the real one.
  const lines = `${preamble}${format === 'rst' ? RST_TITLE : MD_TITLE}`.split('\n')
  if (findTitle(lines, format) !== preamble.split('\n').length - 1) {
    throw invalid('the preamble must not contain the "Status Codes" title')
  }
}

function invalid(message: string): StatusErrorsConfigError {
  return new StatusErrorsConfigError('ERR_STATUS_ERRORS_INVALID_STATUS', message)
}
