/**
 * The parts of an OpenAPI 3.0 or 3.1 document status-errors reads and writes. Everything else in
 * a document (info, servers, security, request bodies, extensions) is kept as it is.
 */
export interface OpenApiDocument {
  readonly openapi: string
  readonly info?: unknown
  readonly paths?: Readonly<Record<string, OpenApiPathItem>>
  readonly components?: Readonly<Record<string, unknown>>
  readonly [key: string]: unknown
}

export type OpenApiPathItem = Readonly<Record<string, unknown>>

export interface OpenApiOperation {
  readonly responses?: Readonly<Record<string, unknown>>
  readonly [key: string]: unknown
}

/** The HTTP methods an OpenAPI path item may hold as operations (OpenAPI 3.1 §4.8.9). */
export const OPERATION_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
