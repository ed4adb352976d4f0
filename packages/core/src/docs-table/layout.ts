import { DocsTableError, quote } from './docs-table-error.js'

/**
 * Fails at the first character where `page` differs from `expected`, the page the renderer
 * writes for the rows read from it. This is what makes reading and rendering exact inverses: a
 * page is accepted only in the one layout it renders back to.
 */
export function checkLayout(page: string, expected: string): void {
  if (page === expected) return
  let at = 0
  while (at < page.length && page.charCodeAt(at) === expected.charCodeAt(at)) at++
  const lineStart = page.lastIndexOf('\n', at - 1) + 1
  let line = 1
  for (
    let index = page.indexOf('\n');
    index !== -1 && index < lineStart;
    index = page.indexOf('\n', index + 1)
  )
    line++
  // Step back to the start of a surrogate pair, so the column counts whole code points.
  if (at > lineStart && isLowSurrogate(page.charCodeAt(at)) && isLowSurrogate(expected.charCodeAt(at))) at--
  const column = Array.from(page.slice(lineStart, at)).length + 1
  throw new DocsTableError(
    line,
    column,
    `expected ${describe(expected, at)}, found ${describe(page, at)}: the page must be laid out as ` +
      'renderStatusTable writes it (columns as wide as their widest cell plus padding, one blank line ' +
      'between blocks), so that it reads back byte for byte',
  )
}

function describe(text: string, at: number): string {
  if (at >= text.length) return 'the end of the page'
  const end = text.indexOf('\n', at)
  const rest = text.slice(at, end === -1 ? undefined : end)
  return rest === '' ? 'the end of the line' : quote(rest)
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
