import type { Cell } from './collect-rows.js'
import { DocsTableError } from './docs-table-error.js'

/** A pipe-table row: its cells, and where each `|` is (1-based columns), for error positions. */
export interface PipeRow {
  readonly line: number
  readonly cells: readonly Cell[]
  readonly pipes: readonly number[]
}

/**
 * Splits a pipe-table row (GitHub Flavored Markdown, "Tables" extension) into cells. A row begins
 * and ends with `|`; inside a cell `\|` is a literal `|` and `\\` a literal backslash, and no other
 * escape is taken, so every cell reads back exactly as the renderer wrote it.
 */
export function splitPipeRow(line: string, lineNumber: number): PipeRow {
  const chars = Array.from(line)
  let end = chars.length
  while (end > 0 && chars[end - 1] === ' ') end--
  let at = 0
  while (chars[at] === ' ') at++
  const cells: Cell[] = []
  const pipes = [at + 1]
  let text = ''
  let first = -1
  for (at++; at < end; at++) {
    const char = chars[at] ?? ''
    if (char === '|') {
      const column = first === -1 ? (pipes.at(-1) ?? 0) + 1 : first + 1
      cells.push({ text: text.trim(), line: lineNumber, column })
      pipes.push(at + 1)
      text = ''
      first = -1
      continue
    }
    if (first === -1 && char !== ' ') first = at
    if (char === '\\') {
      const next = chars[at + 1]
      if (next !== '|' && next !== '\\') {
        throw new DocsTableError(
          lineNumber,
          at + 1,
          'a backslash in a cell escapes "|" or "\\" only: write "\\\\" for a backslash',
        )
      }
      at++
      text += next
    } else {
      text += char
    }
  }
  // An escaped `\|` at the end does not close the row: the last `|` must be the row's own.
  if (pipes.length === 1 || pipes.at(-1) !== end) {
    throw new DocsTableError(lineNumber, end + 1, 'unterminated row: a table row ends with "|"')
  }
  return { line: lineNumber, cells, pipes }
}

/** True for a delimiter row's cell: dashes, optionally with the `:` of an alignment at either end. */
export function isDelimiterCell(text: string): boolean {
  let from = text.startsWith(':') ? 1 : 0
  const to = text.endsWith(':') && text.length > 1 ? text.length - 1 : text.length
  if (from >= to) return false
  for (; from < to; from++) if (text.charAt(from) !== '-') return false
  return true
}
