import { MD_TITLE } from './page.js'
import { SECTIONS, type StatusTableRow } from './rows.js'
import { pad, width } from './text-width.js'

/**
 * The page as Markdown: `# Status Codes`, then for each kind with rows a heading (`## Normal`,
 * `## Abnormal`) and a pipe table padded so its columns line up (as Prettier formats tables).
 * Blocks are separated by one blank line; the page ends with a newline.
 */
export function renderMd(rows: readonly StatusTableRow[]): string {
  const parts = [MD_TITLE]
  for (const { kind, label } of SECTIONS) {
    const group = rows.filter((row) => row.kind === kind)
    if (group.length > 0) parts.push(`\n## ${label}\n\n`, pipeTable(group))
  }
  return parts.join('')
}

function pipeTable(rows: readonly StatusTableRow[]): string {
  const cells = rows.map((row): [string, string] => [
    escapeCell(`${row.status} ${row.title}`),
    escapeCell(row.description),
  ])
  const header: [string, string] = ['Status Code', 'Description']
  // GitHub Flavored Markdown wants at least three dashes in a delimiter cell.
  const widths = [0, 1].map((column) =>
    Math.max(3, ...[header, ...cells].map((cell) => width(cell[column] ?? ''))),
  )
  const [left = 0, right = 0] = widths
  const row = ([status, description]: [string, string]) =>
    `| ${pad(status, left)} | ${pad(description, right)} |\n`
  const lines = [row(header), `| ${'-'.repeat(left)} | ${'-'.repeat(right)} |\n`]
  for (const cell of cells) lines.push(row(cell))
  return lines.join('')
}

/** `|` would end the cell and `\` would escape what follows (GFM, "Tables" and "Backslash escapes"). */
function escapeCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|')
}
