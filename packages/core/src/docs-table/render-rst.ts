import { RST_TITLE } from './page.js'
import { SECTIONS, type StatusTableRow } from './rows.js'
import { pad, width } from './text-width.js'

/** Bullet items are `-  ` (dash, two spaces), so their content, the grid, is indented by three. */
const BULLET = '-  '
const INDENT = ' '.repeat(BULLET.length)

/**
 * The page as the product spec writes it: the title, then for each kind with rows a bullet item
 * (`-  Normal`, `-  Abnormal`) holding a grid table whose columns are as wide as their widest cell
 * plus one space on each side. Blocks are separated by one blank line; the page ends with a newline.
 */
export function renderRst(rows: readonly StatusTableRow[]): string {
  const parts = [RST_TITLE]
  for (const { kind, label } of SECTIONS) {
    const group = rows.filter((row) => row.kind === kind)
    if (group.length > 0) parts.push(`\n${BULLET}${label}\n\n`, gridTable(group))
  }
  return parts.join('')
}

function gridTable(rows: readonly StatusTableRow[]): string {
  const cells = rows.map((row): [string, string] => [`${row.status} ${row.title}`, row.description])
  const header: [string, string] = ['Status Code', 'Description']
  const widths = [0, 1].map((column) =>
    Math.max(...[header, ...cells].map((cell) => width(cell[column] ?? ''))),
  )
  const [left = 0, right = 0] = widths
  const border = (fill: string) => `${INDENT}+${fill.repeat(left + 2)}+${fill.repeat(right + 2)}+\n`
  const row = ([status, description]: [string, string]) =>
    `${INDENT}| ${pad(status, left)} | ${pad(description, right)} |\n`
  const lines = [border('-'), row(header), border('=')]
  for (const cell of cells) lines.push(row(cell), border('-'))
  return lines.join('')
}
