import { StatusErrorsConfigError } from '../errors.js'
import type { StatusDefinition } from '../statuses/catalog.js'
import type { StatusTablePage, StatusTableRow } from './rows.js'

/**
 * A page's rows (or the page `readStatusTable` returns) as the definitions `createCatalog` and
 * the `statuses` option take: each row's title and description, keyed by status. The catalog
 * still starts from the documented table, so rows add codes or reword documented ones; a
 * documented code missing from the page stays in the catalog.
 *
 * @example
 * createCatalog(toStatusDefinitions(readStatusTable(page)))
 */
export function toStatusDefinitions(
  source: readonly StatusTableRow[] | StatusTablePage,
): Record<number, StatusDefinition> {
  const definitions: Record<number, StatusDefinition> = {}
  for (const { status, title, description } of 'rows' in source ? source.rows : source) {
    // A later row would silently replace an earlier one: refuse, as the reader does.
    if (Object.hasOwn(definitions, status)) {
      throw new StatusErrorsConfigError(
        'ERR_STATUS_ERRORS_INVALID_STATUS',
        `status ${status} is listed twice`,
      )
    }
    definitions[status] = { title, description }
  }
  return definitions
}
