/**
 * Widths count code points, as the readers' columns do, so a table of accented or CJK text lines
 * up in the source the same way it is read. (docutils counts East Asian wide characters as two
 * columns; such text reads back here, but Sphinx may call the grid malformed.)
 */
export function width(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

export function pad(text: string, to: number): string {
  return text + ' '.repeat(to - width(text))
}
