import { DocsTableError } from './docs-table-error.js'
import { checkLayout } from './layout.js'
import { detectFormat } from './page.js'
import { readMdRows } from './read-md.js'
import { readRstRows } from './read-rst.js'
import { renderStatusTable } from './render.js'
import type { StatusTableFormat, StatusTablePage } from './rows.js'

/**
 * Reads a status-code page into its rows, in page order, and its preamble (the text above the
 * title, kept verbatim). `format` defaults to the one the content shows.
 *
 * reStructuredText, as `spec/status-codes.rst`:
 *
 * ```rst
 * Status Codes
 * ============
 *
 * -  Normal
 *
 *    +----------------+---------------------------------------------+
 *    | Status Code    | Description                                 |
 *    +================+=============================================+
 *    | 200 OK         | The results of GET and PUT operations are … |
 *    +----------------+---------------------------------------------+
 *
 * -  Abnormal
 *
 *    (the same grid, 4xx and 5xx rows)
 * ```
 *
 * Markdown, as `table --format md` prints it: the heading `# Status Codes`, then for each kind
 * with rows a heading `## Normal` / `## Abnormal` and a GitHub Flavored Markdown pipe table
 * padded so its pipes line up, every block separated by one blank line:
 *
 * ```md
 * # Status Codes
 *
 * ## Normal
 *
 * | Status Code    | Description                                 |
 * | -------------- | ------------------------------------------- |
 * | 200 OK         | The results of GET and PUT operations are … |
 *
 * ## Abnormal
 *
 * (the same table, 4xx and 5xx rows)
 * ```
 *
 * Inside a cell `\|` stands for `|` and `\\` for a backslash, and there is no other escape.
 * Sections are headings, not bullets: a `- Normal` line does not open one.
 *
 * Either way a status cell is `NNN Reason Phrase` (100-599, each code once), a row sits in the
 * section of its class (RFC 9110, section 15: 4xx and 5xx are Abnormal), a section is left out
 * when it has no rows, and the page ends with a newline. Only the layout `renderStatusTable`
 * writes is accepted — columns exactly as wide as their widest cell plus padding, one row per line,
 * one blank line between blocks, LF line endings — so that `renderStatusTable(page.rows, page)`
 * gives the page back byte for byte.
 *
 * @throws {DocsTableError} for a malformed page, with the 1-based `line` and `column` of the fault.
 *
 * @example
 * const page = readStatusTable(readFileSync('spec/status-codes.rst', 'utf8'))
 * createCatalog(toStatusDefinitions(page))
 */
export function readStatusTable(
  text: string,
  options: { readonly format?: StatusTableFormat } = {},
): StatusTablePage {
  const format = options.format ?? detectFormat(text)
  if (format === undefined) {
    throw new DocsTableError(1, 1, 'no status table: the page has no "Status Codes" title and no table')
  }
  const page = format === 'rst' ? readRstRows(text) : readMdRows(text)
  checkLayout(text, renderStatusTable(page.rows, page))
  return page
}
