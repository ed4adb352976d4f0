import type { IncomingHttpHeaders } from 'node:http'

/** body-parser's error type for a charset it refuses; core's own refusal carries the same type. */
export const UNSUPPORTED_CHARSET_TYPE = 'charset.unsupported'

/** `charset=utf-8`, `charset="UTF-8"`: the parameter of a Content-Type (RFC 9110 §8.3.1). */
const CHARSET_PARAMETER = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i

/**
 * The error for a request body whose Content-Type declares a charset the body cannot be read in,
 * or `undefined`. Core answers it with 400 and a fixed sentence (RFC 9110 §15.5.1), the answer
 * body-parser's own refusal (415, documented as 400) gets, so that a parser that reads every body
 * as UTF-8 whatever it declares (co-body, Fastify) cannot hand a route mis-decoded text:
 * - JSON (`application/json`, `+json`) in anything but UTF-8: JSON exchanged between systems is
 *   UTF-8 (RFC 8259 §8.1), and body-parser refuses other charsets;
 * - any other media type in a charset Node cannot decode (an unknown label).
 *
 * Only a request with a body is read (a Transfer-Encoding or a numeric Content-Length, as
 * body-parser decides), and its Content-Type only when it names a charset.
 */
export function unsupportedCharsetError(headers: IncomingHttpHeaders): unknown {
  const contentType = headers['content-type']
  if (contentType === undefined || !hasBody(headers)) return undefined
  const charset = CHARSET_PARAMETER.exec(contentType)
  if (charset === null) return undefined
  const label = (charset[1] ?? charset[2] ?? '').toLowerCase()
  if (isJson(contentType) ? label === 'utf-8' : isDecodable(label)) return undefined
  return Object.assign(new Error('The request body declares a charset the server cannot read.'), {
    status: 415,
    type: UNSUPPORTED_CHARSET_TYPE,
  })
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] !== undefined || (length !== undefined && !Number.isNaN(Number(length)))
}

function isJson(contentType: string): boolean {
  const end = contentType.indexOf(';')
  const mediaType = (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase()
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

function isDecodable(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}
