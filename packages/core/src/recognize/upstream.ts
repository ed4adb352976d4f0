import { readProperty, readString } from '../read-property.js'

/**
 * Failures to reach an upstream or to read its answer: 502 Bad Gateway (RFC 9110 §15.6.3).
 * Node system errors (fetch puts them in `cause`), undici's socket and parser errors, http-proxy's
 * raw Node errors.
 */
const BAD_GATEWAY_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_NODATA',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_RES_EXCEEDED_MAX_SIZE',
  'UND_ERR_HEADERS_OVERFLOW',
  // got: the upstream answered with an error status.
  'ERR_NON_2XX_3XX_RESPONSE',
])
const BAD_GATEWAY_NAMES = new Set(['SocketError', 'HTTPParserError'])

/** The upstream did not answer in time: 504 Gateway Timeout (RFC 9110 §15.6.5). */
const GATEWAY_TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])
/** `AbortSignal.timeout()` rejects with a DOMException named TimeoutError; undici names its own. */
const GATEWAY_TIMEOUT_NAMES = new Set([
  'TimeoutError',
  'ConnectTimeoutError',
  'HeadersTimeoutError',
  'BodyTimeoutError',
])

/** opossum: the circuit is open or the bulkhead is full — the service sheds load (503). */
const UNAVAILABLE_CODES = new Set(['EOPENBREAKER', 'ESEMLOCKED'])

/** The status an upstream failure stands for, read from one error of a cause chain. */
export function upstreamStatus(error: object): 502 | 503 | 504 | undefined {
  const code = readString(error, 'code')
  const name = readString(error, 'name')
  if (code !== undefined) {
    if (GATEWAY_TIMEOUT_CODES.has(code)) return 504
    if (BAD_GATEWAY_CODES.has(code) || code.startsWith('HPE_')) return 502
    if (UNAVAILABLE_CODES.has(code)) return 503
  }
  if (name !== undefined) {
    if (GATEWAY_TIMEOUT_NAMES.has(name)) return 504
    if (BAD_GATEWAY_NAMES.has(name)) return 502
  }
  return undefined
}

/**
 * axios copies the upstream's status onto `err.status`, so an upstream 401 must not become ours:
 * axios errors are read before any generic `status`. Timeouts (`ECONNABORTED`,
 * `ETIMEDOUT`) are 504; an upstream answer or a network failure is 502; anything else (bad options,
 * a cancelled request) is a bug of ours, 500.
 */
export function axiosStatus(error: object): 500 | 502 | 504 | undefined {
  if (readProperty(error, 'isAxiosError') !== true) return undefined
  const code = readString(error, 'code')
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return 504
  if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_BAD_REQUEST' || code === 'ERR_NETWORK') return 502
  if (readProperty(error, 'response') !== undefined) return 502
  if (code !== undefined && BAD_GATEWAY_CODES.has(code)) return 502
  return 500
}
