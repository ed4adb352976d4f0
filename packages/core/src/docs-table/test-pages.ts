import { readFileSync } from 'node:fs'

/** The product spec, as the status table's contract. */
export const SPEC_RST = readFileSync(new URL('../../../../spec/status-codes.rst', import.meta.url), 'utf8')
/** The built-in catalog as a Markdown page, as `table --format md` prints it. */
export const CATALOG_MD = readFileSync(
  new URL('../../test-fixtures/status-codes.md', import.meta.url),
  'utf8',
)
/** The spec's label lines, above its title. */
export const SPEC_PREAMBLE = SPEC_RST.slice(0, SPEC_RST.indexOf('Status Codes\n'))
