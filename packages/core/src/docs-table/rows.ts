import { StatusErrorsConfigError } from '../errors.js'
import type { StatusEntry } from '../statuses/catalog.js'

/** A row of a status-code page: the same shape as a catalog entry, so `entries()` renders as is. */
export type StatusTableRow = StatusEntry

/** The page formats: reStructuredText grid tables, or Markdown pipe tables. */
export type StatusTableFormat = 'rst' | 'md'

/** A page as read: its rows in page order, and the text above its title, kept verbatim. */
export interface StatusTablePage {
  readonly format: StatusTableFormat
  /** Everything before the `Status Codes` title (labels, front matter), byte for byte; often `''`. */
  readonly preamble: string
  readonly rows: readonly StatusTableRow[]
}

/** The page's sections, in the order they are written. */
export const SECTIONS = [
  { kind: 'normal', label: 'Normal' },
  { kind: 'abnormal', label: 'Abnormal' },
] as const

/**
 * The spec groups 1xx-3xx under Normal and 4xx/5xx under Abnormal (the client and server error
 * classes of RFC 9110, section 15), as `createCatalog` does.
 */
export function kindOf(status: number): StatusTableRow['kind'] {
  return status < 400 ? 'normal' : 'abnormal'
}

/** The index of the first control character (C0 or DEL), or -1: cells are single-line text. */
export function controlCharacterIndex(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || code === 0x7f) return index
  }
  return -1
}

/**
 * Refuses rows a page cannot carry back unchanged: what the reader would reject or read
 * differently (surrounding spaces are trimmed from cells, so they would be lost).
 */
export function checkRows(rows: readonly StatusTableRow[]): void {
  if (rows.length === 0) throw invalidRow('there are no rows: a page needs at least one')
  const seen = new Set<number>()
  rows.forEach((row, index) => {
    const where = `rows[${index}] (status ${String(row.status)})`
    if (!Number.isInteger(row.status) || row.status < 100 || row.status > 599) {
      throw invalidRow(`${where} is outside 100-599`)
    }
    if (seen.has(row.status)) throw invalidRow(`${where} is listed twice`)
    seen.add(row.status)
    if (row.kind !== kindOf(row.status)) {
      throw invalidRow(`${where} has kind "${row.kind}"; its class makes it "${kindOf(row.status)}"`)
    }
    checkText(where, 'title', row.title)
    checkText(where, 'description', row.description)
  })
}

function checkText(where: string, field: string, text: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw invalidRow(`${where} has an empty ${field}`)
  if (text !== text.trim()) throw invalidRow(`${where} has spaces around its ${field}`)
  if (controlCharacterIndex(text) !== -1) throw invalidRow(`${where} has a control character in its ${field}`)
}

function invalidRow(message: string): StatusErrorsConfigError {
  return new StatusErrorsConfigError('ERR_STATUS_ERRORS_INVALID_STATUS', message)
}
