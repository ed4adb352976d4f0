import { DocsTableError } from './docs-table-error.js'
import type { StatusTableFormat } from './rows.js'

const TITLE = 'Status Codes'
/** The title as each format writes it; the reStructuredText underline is as long as the title. */
export const RST_TITLE = `${TITLE}\n${'='.repeat(TITLE.length)}\n`
export const MD_TITLE = `# ${TITLE}\n`

/**
 * The index of the title line: `Status Codes` over a line of `=` (reStructuredText), or an ATX
 * heading `# Status Codes` (Markdown); -1 without one. Anything above it is the preamble.
 */
export function findTitle(lines: readonly string[], format: StatusTableFormat): number {
  for (let index = 0; index < lines.length; index++) {
    if (format === 'rst' ? isRstTitle(lines, index) : headingText(lines[index] ?? '') === TITLE) return index
  }
  return -1
}

function isRstTitle(lines: readonly string[], index: number): boolean {
  const underline = lines[index + 1] ?? ''
  return lines[index] === TITLE && underline.length >= TITLE.length && isRun(underline, '=')
}

/** The text of an ATX heading (`## Normal` gives `Normal`), or undefined for any other line. */
export function headingText(line: string): string | undefined {
  let level = 0
  while (line.charAt(level) === '#') level++
  if (level === 0 || level > 6 || line.charAt(level) !== ' ') return undefined
  return line.slice(level + 1).trim()
}

function isRun(text: string, char: string): boolean {
  if (text === '') return false
  for (const each of text) if (each !== char) return false
  return true
}

/** The format of a page, from which title comes first; else from its first table line. */
export function detectFormat(text: string): StatusTableFormat | undefined {
  const lines = text.split('\n')
  const rst = findTitle(lines, 'rst')
  const md = findTitle(lines, 'md')
  if (rst !== -1 || md !== -1) return md === -1 || (rst !== -1 && rst < md) ? 'rst' : 'md'
  for (const line of lines) {
    const start = line.trimStart()
    if (start.startsWith('+-')) return 'rst'
    if (start.startsWith('|')) return 'md'
  }
  return undefined
}

/**
 * Splits a page at its title. Carriage returns are refused everywhere: the page must read back
 * byte for byte, and a CRLF page would not (convert it to LF first).
 */
export function splitPage(
  text: string,
  format: StatusTableFormat,
): { lines: string[]; title: number; preamble: string } {
  const cr = text.indexOf('\r')
  if (cr !== -1) {
    const lineStart = text.lastIndexOf('\n', cr) + 1
    const line = countLines(text, cr)
    throw new DocsTableError(
      line,
      Array.from(text.slice(lineStart, cr)).length + 1,
      'carriage return: the page must use LF line endings',
    )
  }
  const lines = text.split('\n')
  const title = findTitle(lines, format)
  if (title === -1) throw noTable(text, format)
  const preamble = title === 0 ? '' : `${lines.slice(0, title).join('\n')}\n`
  return { lines, title, preamble }
}

function countLines(text: string, end: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line++
  }
  return line
}

function noTable(text: string, format: StatusTableFormat): DocsTableError {
  const other = detectFormat(text)
  const hint =
    other !== undefined && other !== format
      ? `; it looks like ${other === 'rst' ? 'reStructuredText' : 'Markdown'}`
      : ''
  const shape =
    format === 'rst'
      ? 'the title "Status Codes" underlined with "=", then "-  Normal" / "-  Abnormal" items holding grid tables'
      : 'the heading "# Status Codes", then "## Normal" / "## Abnormal" sections holding pipe tables'
  return new DocsTableError(1, 1, `no status table: expected ${shape}${hint}`)
}
