import { DocsTableError, quote } from './docs-table-error.js'
import { controlCharacterIndex, kindOf, type StatusTableRow } from './rows.js'

/** A cell's text, trimmed, and where that text starts (1-based line and code-point column). */
export interface Cell {
  readonly text: string
  readonly line: number
  readonly column: number
}

/**
 * Turns the cells of each body row into rows, checking what both formats share: the status cell
 * is `NNN Reason Phrase`, the code is in 100-599 and listed once, in the section its class
 * belongs to, and the description is single-line text.
 */
export class RowCollector {
  readonly rows: StatusTableRow[] = []
  readonly #firstLine = new Map<number, number>()

  add(statusCell: Cell, descriptionCell: Cell, kind: StatusTableRow['kind']): void {
    const { status, title } = parseStatusCell(statusCell)
    const first = this.#firstLine.get(status)
    if (first !== undefined) fail(statusCell, `status ${status} is listed twice (first on line ${first})`)
    if (kindOf(status) !== kind) {
      const [label, other] = kind === 'normal' ? ['Normal', 'Abnormal'] : ['Abnormal', 'Normal']
      fail(
        statusCell,
        `status ${status} is under "${label}"; its class (RFC 9110, section 15) puts it under "${other}"`,
      )
    }
    const description = descriptionCell.text
    if (description === '') fail(descriptionCell, `empty description for status ${status}`)
    checkControl(descriptionCell, 'description')
    this.#firstLine.set(status, statusCell.line)
    this.rows.push({ status, title, description, kind })
  }
}

function parseStatusCell(cell: Cell): { status: number; title: string } {
  const { text } = cell
  // Three digits, one space, then the reason phrase: checked by hand, no regex over the cell.
  const digits = text.slice(0, 3)
  const title = text.slice(4)
  const wellFormed = isDigits(digits) && text.charAt(3) === ' ' && title !== '' && title === title.trim()
  if (!wellFormed) {
    fail(cell, `a status cell is "NNN Reason Phrase", like "404 Not Found"; found ${quote(text)}`)
  }
  const status = Number(digits)
  // RFC 9110, section 15: "Values outside the range 100..599 are invalid."
  if (status < 100 || status > 599) fail(cell, `status ${digits} is outside 100-599 (RFC 9110, section 15)`)
  checkControl(cell, 'title')
  return { status, title }
}

function isDigits(text: string): boolean {
  if (text.length !== 3) return false
  for (const char of text) if (char < '0' || char > '9') return false
  return true
}

function checkControl(cell: Cell, field: string): void {
  const index = controlCharacterIndex(cell.text)
  if (index === -1) return
  const code = cell.text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')
  const column = cell.column + Array.from(cell.text.slice(0, index)).length
  throw new DocsTableError(
    cell.line,
    column,
    `control character U+${code} in a ${field}: cells are one line of text`,
  )
}

function fail(cell: Cell, reason: string): never {
  throw new DocsTableError(cell.line, cell.column, reason)
}

/** The header row every status table has, in either format. */
const HEADER = ['Status Code', 'Description'] as const

/** Throws at the first header cell that is not the expected column name. */
export function expectHeader(header: readonly Cell[]): void {
  header.forEach((cell, column) => {
    if (cell.text !== HEADER[column]) {
      throw new DocsTableError(
        cell.line,
        cell.column,
        `expected the header "${HEADER[column]}", found ${quote(cell.text)}`,
      )
    }
  })
}
