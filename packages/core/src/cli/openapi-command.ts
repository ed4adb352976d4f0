import { parseArgs } from 'node:util'
import { completeOpenApi } from '../openapi/complete.js'
import { isRecord, OPERATION_METHODS, type OpenApiDocument } from '../openapi/document.js'
import type { LiveRoute } from '../openapi/live-routes.js'
import { resolveOptions } from '../options.js'
import { type CommandIo, EXIT } from './io.js'
import { readOptionsFile } from './options-file.js'

export const OPENAPI_USAGE = `Usage: status-errors openapi [--base FILE] [--options FILE]

Prints an OpenAPI document: without --base, one holding only status-errors' components (the
body schemas and one response per documented status); with it, that document completed: every
operation it lists gets the error responses status-errors can answer for it. The running app
knows its routes better: serve openApi(app, base) from the adapter (see the README).

  --base FILE     an OpenAPI 3.0 or 3.1 document (JSON)
  --options FILE  status-errors options as JSON (statuses, success, produces, timeout …)
  -h, --help      print this help
`

export function runOpenApiCommand(args: readonly string[], io: CommandIo): number {
  let values: { base?: string | undefined; options?: string | undefined; help?: boolean | undefined }
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        base: { type: 'string' },
        options: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    io.stderr(`status-errors openapi: ${(error as Error).message}\n`)
    return EXIT.usage
  }
  if (values.help === true) {
    io.stdout(OPENAPI_USAGE)
    return EXIT.ok
  }
  const options = resolveOptions(values.options === undefined ? {} : readOptionsFile(values.options, io))
  const base = values.base === undefined ? undefined : readDocument(values.base, io)
  const { document } = completeOpenApi({
    base,
    routes: base === undefined ? [] : operationsOf(base),
    options,
  })
  io.stdout(`${JSON.stringify(document, null, 2)}\n`)
  return EXIT.ok
}

/** An OpenAPI document read from a JSON file. */
export function readDocument(path: string, io: CommandIo): OpenApiDocument {
  const document: unknown = JSON.parse(io.readFile(path))
  if (!isRecord(document) || typeof document.openapi !== 'string') {
    throw new TypeError(`${path} is not an OpenAPI 3 document (no "openapi" version)`)
  }
  return document as OpenApiDocument
}

/** The operations a document lists, as routes: a document read on its own stands for its app. */
export function operationsOf(document: OpenApiDocument): LiveRoute[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    OPERATION_METHODS.filter((method) => isRecord(item[method])).map((method) => ({
      method: method.toUpperCase(),
      path,
    })),
  )
}
