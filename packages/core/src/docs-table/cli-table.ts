import { parseArgs } from 'node:util'
import { createCatalog } from '../statuses/catalog.js'
import { DocsTableError } from './docs-table-error.js'
import { readStatusTable } from './read.js'
import { renderStatusTable } from './render.js'
import type { StatusTableFormat, StatusTableRow } from './rows.js'

/** What the command touches, so tests (and other front ends) can pass their own. */
export interface TableCommandIo {
  readFile(path: string): string
  stdout(text: string): void
  stderr(text: string): void
}

export const TABLE_USAGE = `Usage: table --format rst|md|json [--from FILE]

Prints the status table: the built-in catalog, or the rows of the page FILE, read as
reStructuredText (.rst), Markdown (.md, .markdown) or, for other names, what its content shows.

  --format rst|md|json  a reStructuredText page, a Markdown page, or the rows as a JSON array
  --from FILE           read the rows from this page instead of the built-in catalog; its
                        preamble (the text above the title) is kept when the format is the same
  -h, --help            print this help

Exit status: 0 done, 1 the page is malformed, 2 bad arguments or an unreadable file.
`

const OUTPUTS = ['rst', 'md', 'json'] as const
type Output = (typeof OUTPUTS)[number]

/**
 * `table --format rst|md|json [--from FILE]`. `args` are the words after the program name; a
 * leading `table` (the command's own name) is allowed. Returns the exit status.
 */
export function runTableCommand(args: readonly string[], io: TableCommandIo): number {
  const parsed = parse(args)
  if (typeof parsed === 'string') return usageError(io, parsed)
  const { values, positionals } = parsed
  if (values.help === true) {
    io.stdout(TABLE_USAGE)
    return 0
  }
  const extra = positionals[0] === 'table' ? positionals.slice(1) : positionals
  if (extra.length > 0) return usageError(io, `unexpected argument ${JSON.stringify(extra[0])}`)
  const format = values.format
  if (format === undefined) return usageError(io, '--format is required')
  if (!isOutput(format)) {
    return usageError(io, `--format must be rst, md or json, not ${JSON.stringify(format)}`)
  }
  if (values.from === undefined) {
    io.stdout(render(createCatalog().entries(), format, ''))
    return 0
  }
  return renderPage(values.from, format, io)
}

/** The parsed arguments, or what is wrong with them (`parseArgs` refuses unknown options). */
function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        format: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    })
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function renderPage(path: string, format: Output, io: TableCommandIo): number {
  let text: string
  try {
    text = io.readFile(path)
  } catch (error) {
    io.stderr(`table: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`)
    // As for every command: an unreadable file is a usage error (2); a malformed page is 1.
    return 2
  }
  try {
    const page = readStatusTable(text, formatOption(path))
    io.stdout(render(page.rows, format, format === page.format ? page.preamble : ''))
    return 0
  } catch (error) {
    if (!(error instanceof DocsTableError)) throw error
    io.stderr(`${path}:${error.line}:${error.column}: ${error.reason}\n`)
    return 1
  }
}

function render(rows: readonly StatusTableRow[], format: Output, preamble: string): string {
  if (format !== 'json') return renderStatusTable(rows, { format, preamble })
  const plain = rows.map(({ status, title, description, kind }) => ({ status, title, description, kind }))
  return `${JSON.stringify(plain, null, 2)}\n`
}

/** The page format from the file name; without a known extension the reader looks at the content. */
function formatOption(path: string): { format?: StatusTableFormat } {
  const name = path.toLowerCase()
  if (name.endsWith('.rst')) return { format: 'rst' }
  if (name.endsWith('.md') || name.endsWith('.markdown')) return { format: 'md' }
  return {}
}

function isOutput(value: string): value is Output {
  return (OUTPUTS as readonly string[]).includes(value)
}

function usageError(io: TableCommandIo, message: string): number {
  io.stderr(`table: ${message}\nRun "table --help" for usage.\n`)
  return 2
}
