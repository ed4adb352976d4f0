import { connect } from 'node:net'

export interface RawRequest {
  readonly method: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** A Content-Length larger than `body`: the body then never arrives in full (slow upload). */
  readonly declaredLength?: number
  /**
   * Sends no `Connection: close`, as a keep-alive client does: the response is then read until
   * the server closes the connection itself (or the 5 s limit).
   */
  readonly keepAlive?: boolean
}

export interface RawResponse {
  readonly status: number
  /** Lower-case names; repeated fields keep every line, in order. */
  readonly headers: ReadonlyMap<string, readonly string[]>
  /** The header field lines as sent, names spelt as the server spelt them. */
  readonly fieldLines: readonly string[]
  /** Everything after the header section, de-chunked when chunked. */
  readonly body: string
  /**
   * Whether the message ended as its framing says: the last chunk of a chunked body arrived, or a
   * Content-Length's worth of bytes. `false` when the server cut the connection mid-message.
   */
  readonly complete: boolean
}

/**
 * Sends one request over a fresh socket to 127.0.0.1 and reads the whole response until the
 * server closes. A raw client, so tests see exactly what went over the wire (a HEAD or 204
 * response that carried body bytes would show them here).
 */
export function sendRaw(port: number, request: RawRequest): Promise<RawResponse> {
  const body = request.body ?? ''
  const givenHost = Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'host')
  const lines = [`${request.method} ${request.path} HTTP/1.1`]
  if (!givenHost) lines.push(`Host: 127.0.0.1:${port}`)
  if (request.keepAlive !== true) lines.push('Connection: close')
  for (const [name, value] of Object.entries(request.headers ?? {})) lines.push(`${name}: ${value}`)
  const length = request.declaredLength ?? Buffer.byteLength(body)
  if (length > 0) lines.push(`Content-Length: ${length}`)
  const wire = `${lines.join('\r\n')}\r\n\r\n${body}`
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.setTimeout(5000, () =>
      socket.destroy(new Error(`no complete response within 5 s: ${request.method} ${request.path}`)),
    )
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks), request.method))
      } catch (error) {
        reject(error)
      }
    })
    socket.write(wire)
  })
}

function parseResponse(raw: Buffer, method: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) throw new Error(`incomplete response: ${JSON.stringify(raw.toString('latin1'))}`)
  const [statusLine = '', ...fieldLines] = raw.subarray(0, end).toString('latin1').split('\r\n')
  const status = Number(statusLine.split(' ')[1])
  const headers = new Map<string, string[]>()
  for (const line of fieldLines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).toLowerCase()
    const list = headers.get(name) ?? []
    list.push(line.slice(colon + 1).trim())
    headers.set(name, list)
  }
  const content = raw.subarray(end + 4)
  if (headers.get('transfer-encoding')?.includes('chunked')) {
    const { data, complete } = dechunk(content)
    return { status, headers, fieldLines, body: data.toString('utf8'), complete }
  }
  // RFC 9112 §6.3: a response to HEAD, and a 204 or 304, ends with its header section.
  const bodiless = method === 'HEAD' || status === 204 || status === 304
  const declared = headers.get('content-length')?.[0]
  const complete = bodiless || declared === undefined || content.length >= Number(declared)
  return { status, headers, fieldLines, body: content.toString('utf8'), complete }
}

function dechunk(data: Buffer): { data: Buffer; complete: boolean } {
  const parts: Buffer[] = []
  let offset = 0
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset)
    if (lineEnd === -1) return { data: Buffer.concat(parts), complete: false }
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16)
    // RFC 9112 §7.1: the last chunk has size 0 and ends the message.
    if (size === 0) return { data: Buffer.concat(parts), complete: true }
    if (!(size > 0) || data.length < lineEnd + 2 + size)
      return { data: Buffer.concat(parts), complete: false }
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    offset = lineEnd + 2 + size + 2
  }
}
