/**
 * The same-bytes floor: the answers status-errors writes for the benchmark's error scenarios,
 * written out as constants, for hand-written handlers that send exactly these bytes and do nothing
 * else. Writing one constant is the physical limit of a JSON error answer; the smoke run checks
 * that status-errors and these handlers answer byte for byte alike, so the floor cannot drift.
 */
import { HTTP_ERROR_DETAIL } from './spec.js'

/** A whole answer: status, headers in the order status-errors writes them, body. */
export interface FixedAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

const DESCRIPTIONS = {
  404: 'The server could not find the requested page.',
  405: 'You are not allowed to use the method specified in the request.',
  500: 'The request is not completed because the service is abnormal.',
} as const

function jsonAnswer(
  status: 404 | 405 | 500,
  title: string,
  extra: Record<string, string> = {},
  detail?: string,
) {
  const body =
    `{"status":${status},"title":"${title}","description":"${DESCRIPTIONS[status]}"` +
    `${detail === undefined ? '' : `,"detail":${JSON.stringify(detail)}`}}`
  return fixed(status, 'application/json; charset=utf-8', body, extra)
}

function fixed(
  status: number,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
  csp = false,
) {
  return {
    status,
    headers: {
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
      'x-content-type-options': 'nosniff',
      vary: 'Accept',
      'cache-control': 'no-store',
      ...(csp ? { 'content-security-policy': "default-src 'none'" } : {}),
      ...extra,
    },
    body,
  }
}

const NOT_FOUND_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>' +
  `<body><h1>404 Not Found</h1><p>${DESCRIPTIONS[404]}</p></body></html>\n`

export const SAME_BYTES = {
  notFound: jsonAnswer(404, 'Not Found'),
  notFoundHtml: fixed(404, 'text/html; charset=utf-8', NOT_FOUND_PAGE, {}, true),
  internal: jsonAnswer(500, 'Internal Server Error'),
  httpError: jsonAnswer(404, 'Not Found', {}, HTTP_ERROR_DETAIL),
  methodNotAllowed: jsonAnswer(405, 'Method Not Allowed', { allow: 'GET, HEAD, OPTIONS' }),
} as const satisfies Readonly<Record<string, FixedAnswer>>

/** What a hand-written 404 handler checks to send its HTML page: a browser asks for text/html. */
export function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes('text/html') === true
}

/** What a hand-written error handler checks: `status` 404 (an `httpError(404, …)`), else a 500. */
export function answerForError(error: unknown): FixedAnswer {
  return error instanceof Error && Reflect.get(error, 'status') === 404
    ? SAME_BYTES.httpError
    : SAME_BYTES.internal
}
