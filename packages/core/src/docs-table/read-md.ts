import { type Cell, expectHeader, RowCollector } from './collect-rows.js'
import { DocsTableError } from './docs-table-error.js'
import { isDelimiterCell, type PipeRow, splitPipeRow } from './md-cells.js'
import { headingText, splitPage } from './page.js'
import type { StatusTablePage, StatusTableRow } from './rows.js'
import { SectionTracker, sectionOf } from './sections.js'

/**
 * Reads the rows of a Markdown page: after `# Status Codes`, headings `## Normal` and
 * `## Abnormal`, each followed by one pipe table. Other lines are left for the layout check.
 */
export function readMdRows(text: string): StatusTablePage {
  const { lines, title, preamble } = splitPage(text, 'md')
  const rows = new RowCollector()
  const sections = new SectionTracker()
  let index = title + 1
  while (index < lines.length) {
    const line = lines[index] ?? ''
    const kind = sectionOf(headingText(line))
    const start = line.trimStart()
    if (kind !== undefined) {
      sections.enter(kind, index + 1)
    } else if (start.startsWith('|')) {
      const column = line.length - start.length + 1
      index = readPipeTable(
        lines,
        index,
        sections.tableKind(index + 1, column, '"## Normal" or "## Abnormal"'),
        rows,
      )
      continue
    }
    index++
  }
  if (rows.rows.length === 0) {
    throw new DocsTableError(
      lines.length,
      1,
      'no status table: expected pipe tables under "## Normal" / "## Abnormal"',
    )
  }
  return { format: 'md', preamble, rows: rows.rows }
}

/** Reads the pipe table starting at `lines[start]`; returns the index of the line after it. */
function readPipeTable(
  lines: readonly string[],
  start: number,
  kind: StatusTableRow['kind'],
  rows: RowCollector,
): number {
  const header = twoCells(splitPipeRow(lines[start] ?? '', start + 1))
  expectHeader(header)
  const delimiter = lines[start + 1] ?? ''
  const delimiterRow = delimiter.trimStart().startsWith('|') ? splitPipeRow(delimiter, start + 2) : undefined
  if (delimiterRow === undefined || !delimiterRow.cells.every((cell) => isDelimiterCell(cell.text))) {
    throw new DocsTableError(
      start + 2,
      1,
      'missing header separator: the header row must be followed by "| --- | --- |"',
    )
  }
  twoCells(delimiterRow)
  let index = start + 2
  for (; (lines[index] ?? '').trimStart().startsWith('|'); index++) {
    const [status, description] = twoCells(splitPipeRow(lines[index] ?? '', index + 1))
    rows.add(status, description, kind)
  }
  if (index === start + 2) throw new DocsTableError(start + 2, 1, 'the table has a header but no rows')
  return index
}

/** The cells of a row that must have exactly two, or an error at the first cell too many or too few. */
function twoCells({ line, cells, pipes }: PipeRow): [Cell, Cell] {
  const [status, description] = cells
  if (cells.length !== 2 || status === undefined || description === undefined) {
    const column = cells.length > 2 ? (pipes[2] ?? 1) : (pipes.at(-1) ?? 1)
    throw new DocsTableError(
      line,
      column,
      `a row with the wrong number of cells: a status table has 2 (Status Code, Description), this row has ${cells.length}`,
    )
  }
  return [status, description]
}
