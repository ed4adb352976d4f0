import type { ResolvedOptions } from '../options.js'
import { isRecord, OPERATION_METHODS, type OpenApiDocument } from './document.js'
import { isDescribable, type LiveRoute, toOpenApiPath } from './live-routes.js'
import {
  bodySchemas,
  errorResponse,
  errorStatusesFor,
  responseName,
  successResponsesFor,
} from './responses.js'

/** Where the document and the running app disagree. Each entry reads `METHOD /path` (and a status). */
export interface OpenApiDrift {
  /** Operations of the document the app does not route. */
  readonly unrouted: readonly string[]
  /** Routes the app serves that the document lacked (they are added to the completed document). */
  readonly undocumented: readonly string[]
  /** Statuses an operation or a route's schema declares that the status table does not list. */
  readonly unknownStatuses: readonly string[]
}

export interface CompletedOpenApi {
  readonly document: OpenApiDocument
  readonly drift: OpenApiDrift
}

export interface CompleteOpenApiInput {
  /** The document as the team writes it (or swagger-jsdoc / @fastify/swagger generate it). */
  readonly base?: OpenApiDocument | undefined
  readonly routes: readonly LiveRoute[]
  readonly options: ResolvedOptions
  /**
   * Whether a GET route answers HEAD without a HEAD route in `routes` (RFC 9110 §9.3.2): true for
   * Express and Koa, whose routers do so. Fastify lists each HEAD route it adds (it may add none,
   * with `exposeHeadRoutes: false`), so its routes alone tell which paths answer HEAD.
   */
  readonly getServesHead?: boolean
}

const EMPTY_DOCUMENT: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'API', version: '1.0.0' },
  paths: {},
}

/**
 * Completes an OpenAPI document from the live routes: every routed operation gets the error
 * responses status-errors can answer for it (shared `components.responses`, one per documented
 * status, with the documented description, the headers the status requires and its four body
 * formats), and, when the document lists no success response for it, the table's success rows
 * for its method (see `successResponsesFor`). Responses the document already lists are kept. The base document is not changed; the result is a new one.
 */
export function completeOpenApi({
  base = EMPTY_DOCUMENT,
  routes,
  options,
  getServesHead = true,
}: CompleteOpenApiInput): CompletedOpenApi {
  const document = structuredClone(base) as {
    paths?: Record<string, Record<string, unknown>>
  } & OpenApiDocument
  const paths: Record<string, Record<string, unknown>> = { ...(document.paths ?? {}) }
  const routed = routeTable(routes)
  const isServed = servedBy(routed, getServesHead)
  const drift = { unrouted: [] as string[], undocumented: [] as string[], unknownStatuses: [] as string[] }

  for (const route of routed.values()) {
    // The HEAD route frameworks add beside a GET route is described by that GET operation.
    if (route.method === 'HEAD' && routed.has(routeKey('GET', route.path))) continue
    const key = `${route.method} ${route.path}`
    const pathKey = findPath(paths, route.path) ?? route.path
    const item = { ...(paths[pathKey] ?? {}) }
    const method = route.method.toLowerCase()
    if (!isRecord(item[method])) {
      drift.undocumented.push(key)
      item[method] = { parameters: pathParameters(pathKey, item), responses: {} }
    }
    paths[pathKey] = item
    for (const status of route.declaredStatuses ?? []) {
      if (!options.catalog.has(status)) drift.unknownStatuses.push(`${key} ${status}`)
    }
  }

  for (const [path, item] of Object.entries(paths)) {
    // A path item that refers to another is described there (OpenAPI 3.1 §4.8.9.1): left as it is.
    if (typeof item.$ref === 'string') continue
    const completed: Record<string, unknown> = { ...item }
    for (const method of OPERATION_METHODS) {
      const operation = item[method]
      if (!isRecord(operation)) continue
      const key = `${method.toUpperCase()} ${path}`
      const responses: Record<string, unknown> = isRecord(operation.responses)
        ? { ...operation.responses }
        : {}
      for (const status of Object.keys(responses)) {
        if (/^\d{3}$/.test(status) && !options.catalog.has(Number(status)))
          drift.unknownStatuses.push(`${key} ${status}`)
      }
      if (!isServed(method, path)) {
        drift.unrouted.push(key)
        continue
      }
      const upper = method.toUpperCase()
      if (!Object.keys(responses).some((status) => status.startsWith('2'))) {
        Object.assign(responses, successResponsesFor(upper, options))
      }
      for (const status of errorStatusesFor(upper, options)) {
        responses[status] ??= { $ref: `#/components/responses/${responseName(status)}` }
      }
      completed[method] = { ...operation, responses }
    }
    paths[path] = completed
  }

  const components = isRecord(document.components) ? document.components : {}
  const errorResponses = Object.fromEntries(
    options.catalog
      .entries()
      .filter((entry) => entry.kind === 'abnormal')
      .map((entry) => [responseName(entry.status), errorResponse(entry)]),
  )
  return {
    document: {
      ...document,
      paths,
      components: {
        ...components,
        schemas: { ...(isRecord(components.schemas) ? components.schemas : {}), ...bodySchemas() },
        responses: { ...(isRecord(components.responses) ? components.responses : {}), ...errorResponses },
      },
    },
    drift,
  }
}

/**
 * The routes by `METHOD /path` (OpenAPI template). A route for every method (`'*'`) cannot be
 * described as operations and is left out.
 */
function routeTable(routes: readonly LiveRoute[]): Map<string, LiveRoute & { readonly path: string }> {
  const table = new Map<string, LiveRoute & { readonly path: string }>()
  const normalized = routes
    .filter((route) => isDescribable(route.path))
    .map((route) => ({
      ...route,
      method: route.method.toUpperCase(),
      path: toOpenApiPath(route.path),
    }))
  for (const route of normalized) {
    if (!OPERATION_METHODS.includes(route.method.toLowerCase() as (typeof OPERATION_METHODS)[number]))
      continue
    table.set(routeKey(route.method, route.path), route)
  }
  return table
}

/**
 * Whether the app answers an operation of the document: routed as such, HEAD through a GET route
 * where the framework answers HEAD with it, or OPTIONS on any routed path (status-errors answers it).
 */
function servedBy(
  routed: ReadonlyMap<string, unknown>,
  getServesHead: boolean,
): (method: string, path: string) => boolean {
  return (method, path) => {
    if (routed.has(routeKey(method, path))) return true
    if (method === 'head') return getServesHead && routed.has(routeKey('get', path))
    if (method === 'options') {
      return OPERATION_METHODS.some((other) => other !== 'options' && routed.has(routeKey(other, path)))
    }
    return false
  }
}

/** Two templates name the same path whatever their parameter names: `/users/{id}` is `/users/{userId}`. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${templateShape(path)}`
}

function templateShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}')
}

/**
 * The path parameters an added operation must declare (OpenAPI 3.1 §4.8.12.1: every template
 * expression needs one), unless its path item declares them for all its operations.
 */
function pathParameters(path: string, item: Record<string, unknown>): Record<string, unknown>[] {
  const declared = new Set(
    (Array.isArray(item.parameters) ? item.parameters : [])
      .filter(
        (parameter): parameter is Record<string, unknown> => isRecord(parameter) && parameter.in === 'path',
      )
      .map((parameter) => parameter.name),
  )
  return [...path.matchAll(/\{([^}]+)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
}

function findPath(paths: Record<string, unknown>, path: string): string | undefined {
  const shape = templateShape(path)
  return Object.keys(paths).find((candidate) => templateShape(candidate) === shape)
}
