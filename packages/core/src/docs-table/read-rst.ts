import { RowCollector } from './collect-rows.js'
import { DocsTableError } from './docs-table-error.js'
import { splitPage } from './page.js'
import type { StatusTablePage } from './rows.js'
import { readGridTable } from './rst-grid.js'
import { SectionTracker, sectionOf } from './sections.js'

/**
 * Reads the rows of a reStructuredText page: after the title, bullet items `-  Normal` and
 * `-  Abnormal`, each holding one grid table. Other lines are left for the layout check, which
 * compares the whole page with what the renderer writes.
 */
export function readRstRows(text: string): StatusTablePage {
  const { lines, title, preamble } = splitPage(text, 'rst')
  const rows = new RowCollector()
  const sections = new SectionTracker()
  let index = title + 2
  while (index < lines.length) {
    const line = lines[index] ?? ''
    const kind = line.startsWith('- ') ? sectionOf(line.slice(2).trim()) : undefined
    const start = line.trimStart()
    const column = line.length - start.length + 1
    if (kind !== undefined) {
      sections.enter(kind, index + 1)
    } else if (start.startsWith('+')) {
      const tableKind = sections.tableKind(index + 1, column, '"-  Normal" or "-  Abnormal"')
      index = readGridTable(lines, index, tableKind, rows)
      continue
    } else if (start.startsWith('|')) {
      throw new DocsTableError(
        index + 1,
        column,
        'a row line outside a table: a grid table starts with a border "+---+"',
      )
    }
    index++
  }
  if (rows.rows.length === 0) {
    throw new DocsTableError(
      lines.length,
      1,
      'no status table: expected grid tables under "-  Normal" / "-  Abnormal"',
    )
  }
  return { format: 'rst', preamble, rows: rows.rows }
}
