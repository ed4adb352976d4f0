import type { ServerResponse } from 'node:http'
import type { StatusErrors } from '@status-errors/core'

/** Starts watching one response so that it starts with the documented success status. */
export type SuccessWatcher = (res: ServerResponse, method: string) => void

/** RFC 9110 §8.6, §15.3.5: a 204 has no content, so nothing may describe one. */
const NO_CONTENT_HEADERS = ['content-length', 'content-type', 'transfer-encoding'] as const

/**
 * `success: 'documented'` on Express. Core decides the status (`engine.successStatus`); this finds
 * out what it needs at the moment the response starts:
 * - explicit: the route assigned `res.statusCode` (what `res.status()` and `res.sendStatus()` do);
 *   a route that calls `res.writeHead(status)` itself never reaches the hook below, so it wins too;
 * - has a body: the response is not ended empty (`res.end()`, `res.end('')`).
 * The hook is Node's `_implicitHeader`, called by `write`/`end`/`flushHeaders` when the route did
 * not call `writeHead`. Not `writeHead` itself: morgan and compression wrap it with on-headers,
 * which assigns `res.statusCode` before calling through, and that would look like an explicit status.
 * Only methods whose default status core may change are watched, so GET pays nothing.
 */
export function createSuccessWatcher(engine: StatusErrors): SuccessWatcher {
  const watchedMethods = new Map<string, boolean>()

  function mayChange(method: string): boolean {
    let watched = watchedMethods.get(method)
    if (watched === undefined) {
      // Ask core, once per method, whether a route ending with Node's default 200 can get another status.
      const exchange = { method, status: 200, explicit: false }
      watched =
        engine.successStatus({ ...exchange, hasBody: true }) !== 200 ||
        engine.successStatus({ ...exchange, hasBody: false }) !== 200
      watchedMethods.set(method, watched)
    }
    return watched
  }

  return function watchSuccess(res, method) {
    if (!mayChange(method)) return
    const implicitHeader: unknown = Reflect.get(res, '_implicitHeader')
    // Without the hook (a future Node), fail open: the status stays what the route left.
    if (typeof implicitHeader !== 'function') return
    const end = res.end
    let status = res.statusCode
    let explicit = false
    let endsEmpty = false

    Object.defineProperty(res, 'statusCode', {
      configurable: true,
      enumerable: true,
      get: () => status,
      set: (value: number) => {
        status = value
        explicit = true
      },
    })

    res.end = function endNotingBody(this: ServerResponse, ...args: unknown[]): ServerResponse {
      if (!this.headersSent) endsEmpty = isEmptyChunk(args[0])
      return Reflect.apply(end, this, args)
    }

    Reflect.set(res, '_implicitHeader', function startWithDocumentedStatus(this: ServerResponse): void {
      const documented = engine.successStatus({ method, status, explicit, hasBody: !endsEmpty })
      if (documented !== status) {
        status = documented
        if (documented === 204) for (const name of NO_CONTENT_HEADERS) this.removeHeader(name)
      }
      Reflect.apply(implicitHeader, this, [])
    })
  }
}

/** `res.end()`, `res.end(callback)`, `res.end('')`, `res.end(Buffer.alloc(0))` send no content. */
function isEmptyChunk(chunk: unknown): boolean {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return true
  if (typeof chunk === 'string') return chunk === ''
  return chunk instanceof Uint8Array && chunk.byteLength === 0
}
