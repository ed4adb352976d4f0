import { type Cell, expectHeader, type RowCollector } from './collect-rows.js'
import { DocsTableError, quote } from './docs-table-error.js'
import type { StatusTableRow } from './rows.js'

/** A border line: where its `+` are (code-point indexes) and on which line it is (1-based). */
interface Border {
  readonly cuts: readonly number[]
  readonly line: number
  /** The column (1-based) of the first `+`. */
  readonly column: number
}

/**
 * Reads the grid table whose top border is `lines[start]` (docutils' "grid table": rows between
 * `+---+` borders, the header closed by a `+===+` line), adding its body rows to `rows`. Returns
 * the index of the first line after the table. Each row is one line; cells may not span.
 */
export function readGridTable(
  lines: readonly string[],
  start: number,
  kind: StatusTableRow['kind'],
  rows: RowCollector,
): number {
  const top = parseBorder(lines, start, '-')
  if (top.cuts.length !== 3) {
    fail(
      start,
      top.column,
      `a status table has 2 columns (Status Code, Description); this border has ${top.cuts.length - 1}`,
    )
  }
  let index = start + 1
  const header = readRow(lines, index, top)
  expectHeader(header)
  index++
  if (lineKind(lines, index) === 'border' && !isFilledWith(lines[index] ?? '', '=')) {
    fail(
      index,
      startColumn(lines[index]),
      'missing header separator: the header row must be followed by a "+====+====+" line',
    )
  }
  checkBorder(lines, index, top, '=')
  index++
  let count = 0
  while (lineKind(lines, index) === 'row') {
    const [status, description] = readRow(lines, index, top)
    rows.add(status, description, kind)
    count++
    index++
    checkBorder(lines, index, top, '-')
    index++
  }
  if (lineKind(lines, index) === 'border') {
    fail(index, startColumn(lines[index]), 'two border lines in a row: expected a row line "| … |"')
  }
  if (count === 0) fail(index - 1, top.column, 'the table has a header but no rows')
  return index
}

type LineKind = 'row' | 'border' | 'other'

function lineKind(lines: readonly string[], index: number): LineKind {
  const start = (lines[index] ?? '').trimStart()
  return start.startsWith('|') ? 'row' : start.startsWith('+') ? 'border' : 'other'
}

function isFilledWith(line: string, fill: string): boolean {
  const start = line.trimStart()
  return start.charAt(1) === fill
}

/** Parses a border line of `+` joined by runs of `fill`, trailing spaces allowed. */
function parseBorder(lines: readonly string[], index: number, fill: '-' | '='): Border {
  const chars = Array.from(lines[index] ?? '')
  const end = contentEnd(chars)
  let at = 0
  while (chars[at] === ' ') at++
  const cuts: number[] = []
  for (; at < end; at++) {
    const char = chars[at]
    if (char === '+') {
      if (cuts.at(-1) === at - 1) {
        fail(index, at + 1, `two "+" with no "${fill}" between them: a column is at least one wide`)
      }
      cuts.push(at)
    } else if (char !== fill || cuts.length === 0) {
      fail(index, at + 1, `a border line is "+" joined by "${fill}"; found ${quote(char ?? '')}`)
    }
  }
  if (chars[end - 1] !== '+') fail(index, end + 1, 'unterminated border: a border line ends with "+"')
  return { cuts, line: index + 1, column: (cuts[0] ?? 0) + 1 }
}

/** A border inside the table: the same `+` as the top border, in the same columns. */
function checkBorder(lines: readonly string[], index: number, top: Border, fill: '-' | '='): void {
  const kind = lineKind(lines, index)
  if (kind !== 'border') {
    const reason = kind === 'row' ? 'a row spans two lines; each row is one line' : 'unterminated table'
    failAtLine(
      lines,
      index,
      `${reason}: expected a border line "+${fill.repeat(4)}+" below the row on line ${index}`,
    )
  }
  const border = parseBorder(lines, index, fill)
  for (let cut = 0; cut < Math.max(border.cuts.length, top.cuts.length); cut++) {
    const found = border.cuts[cut]
    const expected = top.cuts[cut]
    if (found !== expected) {
      // The first `+` out of place, or the end of a border that stops short of the top one.
      const end = (border.cuts.at(-1) ?? 0) + 1
      const column = Math.min(found ?? end, expected ?? end, end) + 1
      fail(
        index,
        column,
        `misaligned grid: this border's "+" are not under the top border's (line ${top.line})`,
      )
    }
  }
}

/** The two cells of a row line, whose `|` must sit exactly under the top border's `+`. */
function readRow(lines: readonly string[], index: number, top: Border): [Cell, Cell] {
  if (lineKind(lines, index) !== 'row') {
    failAtLine(
      lines,
      index,
      `unterminated table: expected a row line "| … |" below the border on line ${index}`,
    )
  }
  const chars = Array.from(lines[index] ?? '')
  const end = contentEnd(chars)
  const last = top.cuts.at(-1) ?? 0
  for (const cut of top.cuts) {
    if (cut >= end) fail(index, end + 1, wrongWidth(end, top))
    if (chars[cut] !== '|') {
      fail(
        index,
        cut + 1,
        `misaligned grid: expected "|" under the "+" of line ${top.line}, found ${quote(chars[cut] ?? '')}`,
      )
    }
  }
  if (end > last + 1) fail(index, last + 2, wrongWidth(end, top))
  const cell = (from: number, to: number): Cell => {
    let first = from + 1
    while (first < to && chars[first] === ' ') first++
    const text = chars
      .slice(from + 1, to)
      .join('')
      .trim()
    return { text, line: index + 1, column: (text === '' ? from + 1 : first) + 1 }
  }
  const [left = 0, middle = 0] = top.cuts
  return [cell(left, middle), cell(middle, last)]
}

function wrongWidth(end: number, top: Border): string {
  const width = (top.cuts.at(-1) ?? 0) + 1
  return `a row line of the wrong width: it is ${end} columns wide, the border on line ${top.line} is ${width}`
}

/** The column of a line's first character after its indentation. */
function startColumn(line = ''): number {
  return line.length - line.trimStart().length + 1
}

/** The length of a line without its trailing spaces. */
function contentEnd(chars: readonly string[]): number {
  let end = chars.length
  while (end > 0 && chars[end - 1] === ' ') end--
  return end
}

/** An error at the start of `lines[index]`, or at the end of the page when the table runs off it. */
function failAtLine(lines: readonly string[], index: number, reason: string): never {
  if (index < lines.length) fail(index, 1, reason)
  fail(lines.length - 1, Array.from(lines.at(-1) ?? '').length + 1, reason)
}

/** `index` is 0-based, as the loops count; the error's line is 1-based. */
function fail(index: number, column: number, reason: string): never {
  throw new DocsTableError(index + 1, column, reason)
}
