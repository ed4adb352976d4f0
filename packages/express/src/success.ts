import type { ServerResponse } from 'node:http'
import type { Lifecycle } from '@status-errors/core/adapter'
import type { Response } from 'express'

/**
 * `success: 'documented'` on Express: core decides the status (`lifecycle.successStatus`); this
 * finds out, at the moment the response starts, what the route left:
 * - explicit: the route assigned `res.statusCode` (what `res.status()` and `res.sendStatus()` do);
 *   a route that calls `res.writeHead(status)` itself never reaches the hook below, so it wins too;
 * - the body: the chunk `res.end()` was called with.
 * The hook is Node's `_implicitHeader`, called by `write`/`end`/`flushHeaders` when the route did
 * not call `writeHead`. Not `writeHead` itself: morgan and compression wrap it with on-headers,
 * which assigns `res.statusCode` before calling through, and that would look like an explicit status.
 * Only methods whose default status core may change are watched, so GET pays nothing.
 */
/** The body of a route that streams: `write()` starts the response before `end()`, so it has content. */
const STREAMED = Symbol('streamed content')

export function watchSuccess(lifecycle: Lifecycle<Response>, res: Response, method: string): void {
  if (!lifecycle.watchesSuccess(method)) return
  const implicitHeader: unknown = Reflect.get(res, '_implicitHeader')
  // Without the hook (a future Node), fail open: the status stays what the route left.
  if (typeof implicitHeader !== 'function') return
  const end = res.end
  let status = res.statusCode
  let explicit = false
  let body: unknown = STREAMED

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
    if (!this.headersSent) body = args[0]
    return Reflect.apply(end, this, args)
  } as Response['end']

  Reflect.set(res, '_implicitHeader', function startWithDocumentedStatus(this: Response): void {
    status = lifecycle.successStatus(this, method, { status, explicit, body })
    Reflect.apply(implicitHeader, this, [])
  })
}
