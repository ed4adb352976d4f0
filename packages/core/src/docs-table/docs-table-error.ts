/**
 * A status-code page that cannot be read. `line` and `column` are 1-based; columns count Unicode
 * code points, as the grid's column widths do. `reason` is the message without the position, for
 * tools that print `file:line:column: reason` themselves.
 */
export class DocsTableError extends Error {
  readonly line: number
  readonly column: number
  readonly reason: string

  constructor(line: number, column: number, reason: string) {
    super(`line ${line}, column ${column}: ${reason}`)
    this.name = 'DocsTableError'
    this.line = line
    this.column = column
    this.reason = reason
  }
}

/** Quotes a piece of the page for a message, cut short so a 100k-character line stays readable. */
export function quote(text: string, limit = 24): string {
  const points = Array.from(text)
  const shown = points.length > limit ? `${points.slice(0, limit).join('')}…` : text
  return JSON.stringify(shown)
}
