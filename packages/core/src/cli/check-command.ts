import { parseArgs } from 'node:util'
import { readStatusTable } from '../docs-table/read.js'
import { completeOpenApi } from '../openapi/complete.js'
import { resolveOptions } from '../options.js'
import { type CommandIo, EXIT } from './io.js'
import { operationsOf, readDocument } from './openapi-command.js'
import { readOptionsFile } from './options-file.js'

export const CHECK_USAGE = `Usage: status-errors check [--page FILE] [--base FILE --live FILE] [--options FILE]

Exits 1 when the documentation and the running API have drifted apart:
  --page FILE     a status-code page (.rst or .md): its table must equal the catalog status-errors
                  runs with (the built-in table, with --options' "statuses")
  --base FILE     the OpenAPI document the team writes (JSON) …
  --live FILE     … and the one the running app serves, completed by status-errors from its live
                  routes (GET /openapi.json, saved to a file): operations the base lists that the app
                  does not route, routes the base lacks, and statuses the base declares that the
                  table does not list are drift
  --options FILE  status-errors options as JSON
  -h, --help      print this help

Exit status: 0 no drift, 1 drift (each line on stdout), 2 bad arguments or unreadable files.
`

export function runCheckCommand(args: readonly string[], io: CommandIo): number {
  let values: {
    page?: string | undefined
    base?: string | undefined
    live?: string | undefined
    options?: string | undefined
    help?: boolean | undefined
  }
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        page: { type: 'string' },
        base: { type: 'string' },
        live: { type: 'string' },
        options: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    io.stderr(`status-errors check: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  if (values.help === true) {
    io.stdout(CHECK_USAGE)
    return EXIT.ok
  }
  if (values.page === undefined && values.base === undefined) {
    io.stderr('status-errors check: give --page, or --base with --live\n')
    return EXIT.usage
  }
  if ((values.base === undefined) !== (values.live === undefined)) {
    io.stderr('status-errors check: --base and --live go together\n')
    return EXIT.usage
  }
  const options = resolveOptions(values.options === undefined ? {} : readOptionsFile(values.options, io))
  const drift: string[] = []
  if (values.page !== undefined) {
    const page = readStatusTable(io.readFile(values.page), formatOf(values.page))
    const running = new Map(options.catalog.entries().map((entry) => [entry.status, entry]))
    for (const row of page.rows) {
      const entry = running.get(row.status)
      if (entry === undefined) drift.push(`page lists ${row.status}, which the API does not answer with`)
      else if (entry.title !== row.title || entry.description !== row.description) {
        drift.push(`page words ${row.status} differently: "${row.title}: ${row.description}"`)
      }
      running.delete(row.status)
    }
    for (const status of running.keys()) drift.push(`page lacks ${status}, which the API answers with`)
  }
  if (values.base !== undefined && values.live !== undefined) {
    const base = readDocument(values.base, io)
    const live = readDocument(values.live, io)
    const found = completeOpenApi({ base, routes: operationsOf(live), options }).drift
    drift.push(
      ...found.unrouted.map((operation) => `documented but not routed: ${operation}`),
      ...found.undocumented.map((operation) => `routed but not documented: ${operation}`),
      ...found.unknownStatuses.map((status) => `status not in the table: ${status}`),
    )
  }
  for (const line of drift) io.stdout(`${line}\n`)
  return drift.length === 0 ? EXIT.ok : EXIT.drift
}

function formatOf(path: string): { format?: 'rst' | 'md' } {
  if (path.endsWith('.rst')) return { format: 'rst' }
  if (path.endsWith('.md') || path.endsWith('.markdown')) return { format: 'md' }
  return {}
}
