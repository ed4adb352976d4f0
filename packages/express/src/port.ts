import { type AdapterPort, writeNodeResponse } from '@status-errors/core/adapter'
import type { Request, Response } from 'express'
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
    routeMethods: (res) => readRouteMethods(res.app, appRelativePath(res.req)),
  }
}

/**
 * The request's path as the app's own stack matches it. `req.path` is relative to the router the
 * handler sits in (statusErrors() may be mounted in a router); `req.baseUrl` holds the mount
 * paths above it, the app's own among them (`app.path()`, for a mounted sub-app).
 */
function appRelativePath(req: Request): string {
  const full = `${req.baseUrl}${req.path}`
  const appPath: unknown = typeof req.app.path === 'function' ? req.app.path() : ''
  if (typeof appPath !== 'string' || appPath === '' || !full.startsWith(appPath)) return full
  const rest = full.slice(appPath.length)
  return rest.startsWith('/') ? rest : `/${rest}`
}
