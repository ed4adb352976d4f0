import type { ResolvedOptions } from '../options.js'
import type { StatusEntry } from '../statuses/catalog.js'

/** The shared schemas, one per JSON body format, named in `components.schemas`. */
export const SCHEMA_NAMES = { json: 'StatusErrorsBody', problem: 'StatusErrorsProblem' } as const

/** The name of the shared response of a status in `components.responses`. */
export function responseName(status: number): string {
  return `StatusErrors${status}`
}

/**
 * `application/json`: exactly `status`, `title`, `description`, then `detail` (an exposed detail)
 * and `stack` (only with `debug`). `application/problem+json`: RFC 9457 §3.1 members, with
 * `detail` always present (the exposed detail, else the description) and `description` as an
 * extension member (§3.2).
 */
export function bodySchemas(): Record<string, unknown> {
  const text = { type: 'string' }
  return {
    [SCHEMA_NAMES.json]: {
      type: 'object',
      required: ['status', 'title', 'description'],
      properties: { status: { type: 'integer' }, title: text, description: text, detail: text, stack: text },
      additionalProperties: false,
    },
    [SCHEMA_NAMES.problem]: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'description'],
      properties: {
        type: { type: 'string', format: 'uri-reference' },
        title: text,
        status: { type: 'integer' },
        detail: text,
        description: text,
        stack: text,
      },
      additionalProperties: false,
    },
  }
}

/** The headers a status cannot go without (RFC 9110), as status-errors sends them. */
const REQUIRED_HEADERS: Readonly<Record<number, readonly [string, string][]>> = {
  401: [['WWW-Authenticate', 'The challenge(s) for the credentials the API expects (RFC 9110 §11.6.1).']],
  405: [['Allow', 'The methods the target resource supports (RFC 9110 §10.2.1).']],
  407: [['Proxy-Authenticate', 'The challenge(s) of the proxy (RFC 9110 §11.7.1).']],
  408: [['Connection', 'close: the connection is closed after the answer (RFC 9112 §9.6).']],
  503: [['Retry-After', 'Seconds after which the client may try again (RFC 9110 §10.2.3).']],
}

/** The shared response of one status: its documented description, headers and the four body formats. */
export function errorResponse(entry: StatusEntry): Record<string, unknown> {
  const headers = Object.fromEntries(
    (REQUIRED_HEADERS[entry.status] ?? []).map(([name, description]) => [
      name,
      { description, required: true, schema: { type: 'string' } },
    ]),
  )
  return {
    description: entry.description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${SCHEMA_NAMES.json}` } },
      'application/problem+json': { schema: { $ref: `#/components/schemas/${SCHEMA_NAMES.problem}` } },
      'text/html': { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
    },
  }
}

/** Statuses only some options produce; every other abnormal row may come from a thrown error. */
const OPTION_STATUSES = new Set([405, 406, 408])

/**
 * The error statuses status-errors can answer for one routed operation: every abnormal row of the
 * table a thrown error may map to (thrown values are not known in advance), plus 406 with
 * `produces` (never for OPTIONS) and 408 with `timeout.body`. A 405 is the answer to another
 * method on the path, so it is not one of this operation's; like the 404 and 501 of unrouted
 * requests it is listed in `components.responses`.
 */
export function errorStatusesFor(method: string, options: ResolvedOptions): number[] {
  const statuses = options.catalog
    .entries()
    .filter((entry) => entry.kind === 'abnormal' && !OPTION_STATUSES.has(entry.status))
    .map((entry) => entry.status)
  if (options.produces !== undefined && method !== 'OPTIONS') statuses.push(406)
  if (options.bodyTimeout !== undefined) statuses.push(408)
  return statuses.filter((status) => options.catalog.has(status)).sort((a, b) => a - b)
}

/**
 * The success statuses of the table an operation can answer with, for an operation whose document
 * lists none: 200 for GET and PUT; for a POST 200, and 201 with `success: 'documented'`; for a
 * DELETE 200, and 204 with `success: 'documented'`; and 202 (`accepted()`) for every method but
 * GET and HEAD. A status the route sets itself always wins over `success: 'documented'`, so 200
 * stays listed. Their content is the route's, which status-errors does not know.
 */
export function successResponsesFor(method: string, options: ResolvedOptions): Record<string, unknown> {
  const statuses = [200]
  if (method !== 'GET' && method !== 'HEAD') statuses.push(202)
  const documented = options.success === 'documented'
  if (documented && method === 'POST') statuses.push(201)
  if (documented && method === 'DELETE') statuses.push(204)
  const responses: Record<string, unknown> = {}
  for (const status of statuses.sort((a, b) => a - b)) {
    const entry = options.catalog.get(status)
    if (entry === undefined) continue
    responses[status] =
      status === 201
        ? {
            description: entry.description,
            headers: {
              Location: {
                description: 'The created resource (RFC 9110 §10.2.2).',
                schema: { type: 'string' },
              },
            },
          }
        : { description: entry.description }
  }
  return responses
}
