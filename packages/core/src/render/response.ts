import { EMPTY_HEADERS, type ResponseHeaders } from '../headers.js'
import type { StatusEntry } from '../statuses/catalog.js'
import { BODY_RENDERERS } from './bodies.js'
import type { Format } from './formats.js'

/** What an adapter writes: status, headers (lower-case names) and body. */
export interface ErrorResponse {
  readonly status: number
  readonly headers: ResponseHeaders
  /** Headers the status requires, set only where the response has none yet (see `writeErrorHeaders`). */
  readonly defaultHeaders: ResponseHeaders
  /** Empty for HEAD (the headers still describe the GET body, RFC 9110 §9.3.2) and for 204. */
  readonly body: string
}

export interface RenderInput {
  readonly entry: StatusEntry
  readonly format: Format
  readonly head: boolean
  readonly type: string
  readonly detail: string | undefined
  readonly stack: string | undefined
  /** Headers of the error, or `Allow`; added after the standard ones. */
  readonly extraHeaders: ResponseHeaders
}

/**
 * Renders an error response. Every one carries Content-Length, `X-Content-Type-Options: nosniff`
 * (no MIME sniffing of error text), `Vary: Accept` (the body is negotiated, RFC 9110 §12.5.5) and
 * `Cache-Control: no-store` (404, 405 and 501 are heuristically cacheable, RFC 9110 §15.1).
 * HTML adds `Content-Security-Policy: default-src 'none'`, so nothing in the page can run.
 */
export function renderResponse(input: RenderInput): ErrorResponse {
  const { entry, format, head } = input
  const body = BODY_RENDERERS[format.name]({
    status: entry.status,
    title: entry.title,
    description: entry.description,
    detail: input.detail,
    stack: input.stack,
    type: input.type,
  })
  const headers: (readonly [string, string | readonly string[]])[] = [
    ['content-type', format.contentType],
    ['content-length', String(Buffer.byteLength(body))],
    ['x-content-type-options', 'nosniff'],
    ['vary', 'Accept'],
    ['cache-control', 'no-store'],
  ]
  if (format.name === 'html') headers.push(['content-security-policy', "default-src 'none'"])
  headers.push(...input.extraHeaders)
  return {
    status: entry.status,
    headers: Object.freeze(headers),
    defaultHeaders: EMPTY_HEADERS,
    body: head ? '' : body,
  }
}

/** Adds headers to a rendered response without rendering it again. */
export function withHeaders(response: ErrorResponse, extra: ResponseHeaders): ResponseHeaders {
  return extra.length === 0 ? response.headers : [...response.headers, ...extra]
}
