import { type AdapterPort, writeNodeResponse } from '@status-errors/core/adapter'
import type { Response } from 'express'
import { createRouteMethodsReader } from './routes.js'

/**
 * Express as core sees it. The context is the response, which carries its request (`res.req`) and
 * app (`res.app`). `req.path` has no query string and is relative to the app that received the
 * request, the frame its router stack matches against. Express adds nothing between core and
 * Node's response, so answers are written to it directly.
 */
export function createExpressPort(): AdapterPort<Response> {
  const readRouteMethods = createRouteMethodsReader()
  return {
    request: (res) => ({ method: res.req.method, path: res.req.path, accept: res.req.headers.accept }),
    nodeRequest: (res) => res.req,
    nodeResponse: (res) => res,
    headers: (res) => res,
    write: writeNodeResponse,
    // Express writes nothing by itself once the handlers stop calling `next`.
    abandon: () => undefined,
    // Express has no logger of its own; finalhandler prints errors with console.error too.
    log: (res, error) => console.error(`status-errors: ${res.req.method} ${res.req.path} failed:`, error),
    routeMethods: (res) => readRouteMethods(res.app, res.req.path),
  }
}
