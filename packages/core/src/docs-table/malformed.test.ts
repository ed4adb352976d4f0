import { describe, expect, it } from 'vitest'
import { DocsTableError } from './docs-table-error.js'
import { readStatusTable } from './read.js'

/** A small page in the spec's layout; each case below spoils one line of it. */
const RST = [
  'Status Codes', // 1
  '============', // 2
  '', // 3
  '-  Normal', // 4
  '', // 5
  '   +-------------+-------------+', // 6
  '   | Status Code | Description |', // 7
  '   +=============+=============+', // 8
  '   | 200 OK      | It worked.  |', // 9
  '   +-------------+-------------+', // 10
  '', // 11
  '-  Abnormal', // 12
  '', // 13
  '   +---------------+------------------+', // 14
  '   | Status Code   | Description      |', // 15
  '   +===============+==================+', // 16
  '   | 404 Not Found | Nothing is here. |', // 17
  '   +---------------+------------------+', // 18
  '   | 500 Oops      | It broke.        |', // 19
  '   +---------------+------------------+', // 20
  '',
].join('\n')

/** The same rows as a Markdown page. */
const MD = [
  '# Status Codes', // 1
  '', // 2
  '## Normal', // 3
  '', // 4
  '| Status Code | Description |', // 5
  '| ----------- | ----------- |', // 6
  '| 200 OK      | It worked.  |', // 7
  '', // 8
  '## Abnormal', // 9
  '', // 10
  '| Status Code   | Description      |', // 11
  '| ------------- | ---------------- |', // 12
  '| 404 Not Found | Nothing is here. |', // 13
  '| 500 Oops      | It broke.        |', // 14
  '',
].join('\n')

/** The page with its 1-based line `line` replaced by `text` (or removed, for `undefined`). */
function edit(page: string, line: number, text?: string): string {
  const lines = page.split('\n')
  lines.splice(line - 1, 1, ...(text === undefined ? [] : [text]))
  return lines.join('\n')
}

/** The Abnormal section first, then the Normal one. */
const SWAPPED = (() => {
  const lines = RST.split('\n')
  return [...lines.slice(0, 3), ...lines.slice(11, 20), '', ...lines.slice(3, 10), ''].join('\n')
})()

/** The Normal table with its Description column one space wider than its widest cell needs. */
const WIDER = [6, 7, 8, 9, 10].reduce((page, line) => {
  const text = page.split('\n')[line - 1] ?? ''
  return edit(page, line, `${text.slice(0, -2)}${text.at(-2)}${text.slice(-2)}`)
}, RST)

const PATHOLOGICAL = 100_000

/** Page, then where the error must point (line, column) and what its message must say. */
// biome-ignore format: one case a line, so that the corpus reads as a table
const CORPUS: [string, string, number, number, string][] = [
  // reStructuredText grid tables
  ['a "|" not under a "+"', edit(RST, 9, '   | 200 OK     | It worked.  |'), 9, 18, 'misaligned grid'],
  ['a border whose "+" moved', edit(RST, 10, '   +------------+--------------+'), 10, 17, 'misaligned grid'],
  ['a row line too short', edit(RST, 9, '   | 200 OK      | It worked.'), 9, 30, 'wrong width'],
  ['a row line too long', edit(RST, 9, '   | 200 OK      | It worked.  | x |'), 9, 33, 'wrong width'],
  ['a status cell without reason', edit(RST, 9, '   | 200         | It worked.  |'), 9, 6, '"NNN Reason Phrase"'],
  ['a status cell reason first', edit(RST, 9, '   | OK 200      | It worked.  |'), 9, 6, '"NNN Reason Phrase"'],
  ['a two-digit status', edit(RST, 9, '   | 20 OK       | It worked.  |'), 9, 6, '"NNN Reason Phrase"'],
  ['a status above 599', edit(RST, 19, '   | 600 Oops      | It broke.        |'), 19, 6, 'outside 100-599'],
  ['a status below 100', edit(RST, 9, '   | 099 OK      | It worked.  |'), 9, 6, 'outside 100-599'],
  ['a duplicate code', edit(RST, 19, '   | 404 Oops      | It broke.        |'), 19, 6, 'listed twice (first on line 17)'],
  ['an empty description', edit(RST, 17, '   | 404 Not Found |                  |'), 17, 21, 'empty description'],
  ['a control character', edit(RST, 9, '   | 200 OK      | It\tworked.  |'), 9, 22, 'control character U+0009'],
  ['a 4xx row under Normal', edit(RST, 9, '   | 404 OK      | It worked.  |'), 9, 6, 'under "Abnormal"'],
  ['a wrong header', edit(RST, 7, '   | Code        | Description |'), 7, 6, 'expected the header "Status Code"'],
  ['a missing header separator', edit(RST, 8, '   +-------------+-------------+'), 8, 4, 'missing header separator'],
  ['a row without its border', edit(RST, 20), 20, 1, 'unterminated table'],
  ['a table cut off at the end of the page', RST.slice(0, RST.lastIndexOf('\n   +')), 19, 40, 'unterminated table'],
  ['a row spanning two lines', edit(RST, 10, '   |             | still.      |'), 10, 1, 'a row spans two lines'],
  ['a border without its last "+"', edit(RST, 6, '   +-------------+-------------'), 6, 32, 'unterminated border'],
  ['three columns', edit(RST, 6, '   +-------------+------+------+'), 6, 4, 'has 2 columns'],
  ['a header and no rows', edit(edit(RST, 10), 9), 8, 4, 'a header but no rows'],
  ['a table outside the sections', edit(RST, 4, ''), 6, 4, 'a table outside the sections'],
  ['a section twice', edit(RST, 12, '-  Normal'), 12, 1, 'a second "Normal" section'],
  ['the sections swapped', SWAPPED, 14, 1, 'comes before'],
  ['a row line outside a table', edit(RST, 13, '   | 201 Created | Made. |'), 13, 4, 'a row line outside a table'],
  ['a column wider than its cells', WIDER, 6, 32, 'expected "+", found "-+"'],
  ['a paragraph the renderer does not write', edit(RST, 3, 'Extra.'), 3, 1, 'found "Extra."'],
  ['CRLF line endings', RST.replaceAll('\n', '\r\n'), 1, 13, 'carriage return'],
  ['a "+" line of 100k characters', edit(RST, 6, `   ${'+'.repeat(PATHOLOGICAL)}`), 6, 5, 'two "+"'],
  ['a "|" line of 100k characters', edit(RST, 9, `   ${'|'.repeat(PATHOLOGICAL)}`), 9, 33, 'wrong width'],
  ['a "-" line of 100k characters', edit(RST, 6, `   +${'-'.repeat(PATHOLOGICAL)}`), 6, PATHOLOGICAL + 5, 'unterminated'],
  // Markdown pipe tables
  ['a pipe row with three cells', edit(MD, 7, '| 200 OK | It worked. | Yes |'), 7, 23, 'wrong number of cells'],
  ['a pipe row with one cell', edit(MD, 7, '| 200 OK It worked. |'), 7, 21, 'wrong number of cells'],
  ['a pipe row without its last "|"', edit(MD, 7, '| 200 OK      | It worked.'), 7, 27, 'unterminated row'],
  ['a missing delimiter row', edit(MD, 6), 6, 1, 'missing header separator'],
  ['a lone backslash', edit(MD, 7, '| 200 OK      | It\\worked.  |'), 7, 19, 'a backslash in a cell'],
  ['a markdown status out of range', edit(MD, 14, '| 700 Oops      | It broke.        |'), 14, 3, 'outside 100-599'],
  ['a markdown duplicate', edit(MD, 14, '| 404 Oops      | It broke.        |'), 14, 3, 'listed twice'],
  ['an empty markdown description', edit(MD, 13, '| 404 Not Found |                  |'), 13, 18, 'empty description'],
  ['bullets instead of headings', edit(MD, 3, '- Normal'), 5, 1, 'a table outside the sections'],
  ['a misaligned pipe table', edit(MD, 7, '| 200 OK | It worked. |'), 7, 10, 'expected "     | It worked.  |"'],
  ['a "|" row of 100k characters', edit(MD, 7, '|'.repeat(PATHOLOGICAL)), 7, 3, 'wrong number of cells'],
  // No table at all
  ['a page of prose', 'Just prose.\nNo table.\n', 1, 1, 'no status table'],
  ['an rst title without table', 'Status Codes\n============\n\nNone yet.\n', 5, 1, 'no status table'],
  ['a markdown title without table', '# Status Codes\n\nNone yet.\n', 4, 1, 'no status table'],
  ['markdown read as rst', MD, 1, 1, 'it looks like Markdown'],
]

/** The error `read` throws, which must be a DocsTableError. */
function errorOf(read: () => unknown): DocsTableError {
  try {
    read()
  } catch (error) {
    if (error instanceof DocsTableError) return error
    throw error
  }
  throw new Error('the page was accepted')
}

describe('malformed pages', () => {
  it.each([
    ['rst', RST],
    ['md', MD],
  ])('starts from a valid %s page', (_format, page) => {
    expect(readStatusTable(page).rows.map((row) => row.status)).toEqual([200, 404, 500])
  })

  it.each(CORPUS)('rejects %s', (name, page, line, column, fragment) => {
    const format = name === 'markdown read as rst' ? 'rst' : undefined
    const error = errorOf(() => readStatusTable(page, format === undefined ? {} : { format }))
    expect({ line: error.line, column: error.column }).toEqual({ line, column })
    expect(error.message).toContain(fragment)
    expect(error.message.startsWith(`line ${line}, column ${column}: `)).toBe(true)
    // A 100k-character line is quoted, not copied, into the message.
    expect(error.message.length).toBeLessThan(400)
  })
})
