import type { CompletedOpenApi, OpenApiDocument } from '@status-errors/core'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import type { RawRequest, RawResponse } from './http-client.js'

/**
 * Checks an answer against the OpenAPI document generated for its app, as a contract test:
 * - the status is listed for the request's operation, or, for a request no operation matches,
 *   is one status-errors answers unrouted requests with (400, 404, 405, 501, OPTIONS 204, 503);
 * - an error body validates (ajv) against the schema of its content type;
 * - the headers the response declares as required are present.
 * Returns the problems found; none means the answer is described by the document.
 */
export function contractProblems(
  { document }: CompletedOpenApi,
  request: RawRequest,
  response: RawResponse,
): string[] {
  const problems: string[] = []
  const status = String(response.status)
  const operation = findOperation(document, request)
  const listed =
    operation?.[status] ?? (operation === undefined ? unroutedResponse(document, status) : undefined)
  if (listed === undefined)
    return [`status ${status} is not documented for ${request.method} ${request.path}`]
  const described = resolve(document, listed)
  for (const [name, header] of Object.entries(record(described.headers))) {
    if (record(header).required === true && !response.headers.has(name.toLowerCase())) {
      problems.push(`required header ${name} is missing`)
    }
  }
  const content = record(described.content)
  const mediaType = response.headers.get('content-type')?.[0]?.split(';')[0]?.trim()
  if (response.status >= 400 && request.method !== 'HEAD' && mediaType !== undefined) {
    const schema = record(content[mediaType]).schema
    if (schema === undefined) problems.push(`no schema for ${mediaType}`)
    else if (mediaType.endsWith('json'))
      problems.push(...schemaProblems(document, schema, JSON.parse(response.body)))
  }
  return problems
}

/** Statuses status-errors answers a request no route matched with, documented as shared responses. */
const UNROUTED = new Set(['400', '404', '405', '501', '503'])

function unroutedResponse(document: OpenApiDocument, status: string): unknown {
  if (status === '204') return { description: 'OPTIONS on a routed path' }
  if (!UNROUTED.has(status)) return undefined
  return record(record(document.components).responses)[`StatusErrors${status}`]
}

function findOperation(document: OpenApiDocument, request: RawRequest): Record<string, unknown> | undefined {
  const path = request.path.split('?')[0] ?? '/'
  const method = request.method === 'HEAD' ? 'get' : request.method.toLowerCase()
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    if (!templateMatches(template, path)) continue
    const operation = record(record(item)[method])
    if (operation.responses !== undefined) return record(operation.responses)
  }
  return undefined
}

function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part === '{wildcard}') return '.*'
      if (part.startsWith('{')) return '[^/]+'
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('')
  return new RegExp(`^${pattern}/?$`).test(path)
}

function resolve(document: OpenApiDocument, value: unknown): Record<string, unknown> {
  const reference = record(value).$ref
  if (typeof reference !== 'string') return record(value)
  const found = reference
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => record(node)[key], document)
  return record(found)
}

const ajv = new Ajv({ strict: false, allErrors: true })
// ajv-formats is CommonJS: its function is the module or its `default`, depending on the loader.
type AddFormats = (instance: Ajv) => unknown
const formatsModule = addFormats as unknown as AddFormats & { default?: AddFormats }
;(formatsModule.default ?? formatsModule)(ajv)

function schemaProblems(document: OpenApiDocument, schema: unknown, body: unknown): string[] {
  const validate = ajv.compile(resolve(document, schema))
  if (validate(body)) return []
  return (validate.errors ?? []).map((error) => `body ${error.instancePath} ${error.message ?? ''}`)
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}
