import { runTableCommand } from '../docs-table/cli-table.js'
import { DocsTableError } from '../docs-table/docs-table-error.js'
import { StatusErrorsConfigError } from '../errors.js'
import { runCheckCommand } from './check-command.js'
import { type CommandIo, EXIT } from './io.js'
import { runOpenApiCommand } from './openapi-command.js'

export const USAGE = `Usage: status-errors <command> [options]

Commands:
  table    print the status table (rst, md or json), from the catalog or a docs page
  openapi  print status-errors' OpenAPI components, or complete a given document
  check    exit 1 when a docs page or an OpenAPI document has drifted from the API

Run \`status-errors <command> --help\` for a command's options.
Exit status: 0 done (no drift), 1 drift or an unreadable page, 2 bad arguments or files.
`

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CommandIo) => number>> = {
  table: runTableCommand,
  openapi: runOpenApiCommand,
  check: runCheckCommand,
}

/** The `status-errors` command: dispatches to a command and turns every failure into a message and an exit status. */
export function runCli(args: readonly string[], io: CommandIo): number {
  const [command, ...rest] = args
  if (command === undefined || command === '--help' || command === '-h') {
    ;(command === undefined ? io.stderr : io.stdout)(USAGE)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  const run = COMMANDS[command]
  if (run === undefined) {
    io.stderr(`status-errors: unknown command ${JSON.stringify(command)}\n\n${USAGE}`)
    return EXIT.usage
  }
  try {
    return run(rest, io)
  } catch (error) {
    // A malformed page is drift in the docs (1); a bad file or option is a usage error (2).
    if (error instanceof DocsTableError) {
      io.stderr(`status-errors ${command}: ${error.message}\n`)
      return EXIT.drift
    }
    const message =
      error instanceof StatusErrorsConfigError || error instanceof Error ? error.message : String(error)
    io.stderr(`status-errors ${command}: ${message}\n`)
    return EXIT.usage
  }
}
