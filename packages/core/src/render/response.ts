import { EMPTY_HEADERS, type ResponseHeaders } from '../headers.js'
import { BODY_TEMPLATES, type StatusContent } from './bodies.js'
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

/** The responses of one status in one format: made once, reused for every request. */
export interface PreparedStatus {
  /** The response without detail or stack; the same object every time. */
  plain(head: boolean): ErrorResponse
  /** A response with the exposed detail and/or the stack: only these are rendered per request. */
  withDetail(detail: string | undefined, stack: string | undefined, head: boolean): ErrorResponse
}

/**
 * Prepares a status's responses in one format. Every one carries Content-Length,
 * `X-Content-Type-Options: nosniff` (no MIME sniffing of error text), `Vary: Accept` (the body is
 * negotiated, RFC 9110 §12.5.5) and `Cache-Control: no-store` (404, 405 and 501 are heuristically
 * cacheable, RFC 9110 §15.1). HTML adds `Content-Security-Policy: default-src 'none'`, so nothing in
 * the page can run.
 */
export function prepareStatus(content: StatusContent, format: Format): PreparedStatus {
  const template = BODY_TEMPLATES[format.name](content)
  const contentType = ['content-type', format.contentType] as const
  const fixed: ResponseHeaders = [
    ['x-content-type-options', 'nosniff'],
    ['vary', 'Accept'],
    ['cache-control', 'no-store'],
    ...(format.name === 'html' ? ([['content-security-policy', "default-src 'none'"]] as const) : []),
  ]
  const build = (body: string, head: boolean): ErrorResponse => ({
    status: content.status,
    headers: [contentType, ['content-length', String(Buffer.byteLength(body))], ...fixed],
    defaultHeaders: EMPTY_HEADERS,
    body: head ? '' : body,
  })
  const plainBody = template(undefined, undefined)
  // Shared by every request: the answer is frozen and its header lists are readonly (see
  // `freezeAnswer`), so no adapter changes one request's answer for the next.
  const plain = freezeAnswer(build(plainBody, false))
  const plainHead = freezeAnswer(build(plainBody, true))
  // One memo per method, keyed by the detail itself: a detail is mostly a string literal, whose
  // hash the engine keeps, where a prefixed key would be a new string to hash on every request.
  const byDetail = new Map<string, ErrorResponse>()
  const byDetailHead = new Map<string, ErrorResponse>()
  return {
    plain: (head) => (head ? plainHead : plain),
    withDetail(detail, stack, head) {
      if (stack !== undefined || detail === undefined || detail.length > MEMO_DETAIL_LENGTH) {
        return build(template(detail, stack), head)
      }
      const memo = head ? byDetailHead : byDetail
      let response = memo.get(detail)
      if (response === undefined) {
        response = freezeAnswer(build(template(detail, undefined), head))
        if (memo.size < MEMO_DETAILS) memo.set(detail, response)
      }
      return response
    },
  }
}

/**
 * Details are mostly fixed sentences (`httpError(404, 'No user with this id.')`): the first
 * `MEMO_DETAILS` short ones of a status, format and method (GET or HEAD) are rendered once, and
 * later ones as before, so details that differ per request (an id in the text) cannot grow the
 * memo. Each prepared status and format keeps at most 2 × 64 answers of about 0.6 KB (escaping
 * lengthens some, HEAD's have no body): 72 prepared by default, about 5.5 MB; with `undocumented:
 * 'passthrough'` up to 800 (every status from 400 to 599), about 61 MB, and only with details an
 * error chose to expose.
 */
const MEMO_DETAILS = 64
const MEMO_DETAIL_LENGTH = 256

/**
 * Freezes the answer, not its header list and pairs, which are `readonly` to TypeScript only: V8's
 * optimised code read the elements of the frozen arrays through its generic keyed load, a builtin
 * call per read, three per header in `writeErrorHeaders` (about 1.5 % of a Fastify 404).
 */
function freezeAnswer(response: ErrorResponse): ErrorResponse {
  return Object.freeze(response)
}

/** Adds headers to a rendered response without rendering it again. */
export function withHeaders(response: ErrorResponse, extra: ResponseHeaders): ResponseHeaders {
  return extra.length === 0 ? response.headers : [...response.headers, ...extra]
}
