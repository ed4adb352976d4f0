import { createServer, type RequestListener, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { accepted, openApi, statusErrors } from '@status-errors/express'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import express4 from 'express4'
import express5 from 'express5'
import express5Router22 from 'express5-router22'
import type { AppSpec, Harness, RouteHandler, RouteSpec, RunningApp } from '../harness.js'

/** One installed Express major, for this harness and for the adapter's own tests. */
export interface ExpressMajor {
  readonly name: 'express 4' | 'express 5' | 'express 5, router 2.2'
  readonly express: typeof express5
  /** A root catch-all in this major's syntax: path-to-regexp 8 (Express 5) rejects a bare `*`. */
  readonly catchAllPath: '*' | '/{*splat}'
  /** Express 5 forwards a rejected promise to the error handlers; Express 4 needs `.catch(next)`. */
  readonly forwardsRejections: boolean
  /**
   * Which `app.use(path, router)` paths can be read back: all of them (router 2.3's
   * `layer.rawPath`), those without parameters (Express 4's RegExp), or none (router 2.0-2.2).
   */
  readonly mountPaths: 'all' | 'static' | 'none'
}

export const expressMajors: readonly ExpressMajor[] = [
  // The type shims give both majors Express 5's types; their middleware signatures are the same.
  {
    name: 'express 4',
    express: express4,
    catchAllPath: '*',
    forwardsRejections: false,
    mountPaths: 'static',
  },
  {
    name: 'express 5',
    express: express5,
    catchAllPath: '/{*splat}',
    forwardsRejections: true,
    mountPaths: 'all',
  },
  // Every Express 5 installed router 2.2 until router 2.3 (November 2026); lockfiles keep it.
  {
    name: 'express 5, router 2.2',
    express: express5Router22,
    catchAllPath: '/{*splat}',
    forwardsRejections: true,
    mountPaths: 'none',
  },
]

/**
 * Registers a route the way users write it: `app.get(path, …)`, `app.all(path, …)`. Methods are
 * looked up by name because the spec's method is data (PROPFIND, PURGE …).
 */
export function addRoute(
  target: object,
  method: string,
  path: string,
  handlers: readonly RequestHandler[],
): void {
  const name = method === 'ALL' ? 'all' : method.toLowerCase()
  const register: unknown = Reflect.get(target, name)
  if (typeof register !== 'function') throw new Error(`Express has no app.${name}()`)
  register.call(target, path, ...handlers)
}

/** Makes `res.setHeader` throw for one header name, as Node does for an invalid value. */
export function refuseOnSetHeader(res: ServerResponse, refused: string): void {
  const setHeader = res.setHeader
  res.setHeader = function refusingSetHeader(this: ServerResponse, name, value) {
    if (name.toLowerCase() === refused) throw new TypeError(`Invalid character in header content ["${name}"]`)
    return setHeader.call(this, name, value)
  }
}

/** Listens on 127.0.0.1 at a free port; `close` also drops idle keep-alive sockets. */
export function listen(app: RequestListener): Promise<RunningApp> {
  const server = createServer(app)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

function routeHandlers(major: ExpressMajor, handler: RouteHandler): RequestHandler[] {
  switch (handler.kind) {
    case 'ok':
      return [(_req, res) => void res.json(handler.body)]
    case 'fall-through':
      return [(_req, _res, next) => next()]
    case 'parse-json':
      return [major.express.json(), (req, res) => void res.json(req.body)]
    case 'parse-form':
      return [major.express.urlencoded({ extended: false }), (req, res) => void res.json(req.body)]
    case 'throw':
      return [handler.async === true ? rejectingHandler(major, handler) : throwingHandler(handler)]
    case 'respond':
      return [respondingHandler(handler)]
    case 'accepted': {
      const { location } = handler
      return [(_req, res) => accepted(res, location === undefined ? undefined : { location })]
    }
    case 'await':
      return [awaitingHandler(major, handler)]
    case 'end-empty':
      return [
        (_req, res) => {
          res.setHeader('content-type', 'text/plain; charset=utf-8')
          res.end(emptyBody(handler.body))
        },
      ]
    case 'after-start':
      return [
        (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          res.write('partial')
          if (handler.next === 'throw') throw new Error('failed after the response started')
          accepted(res)
          res.end('done')
        },
      ]
    case 'validate-json':
      throw new Error('Express has no built-in schema validation: the validate-json kind is Fastify only')
  }
}

type ThrowHandler = Extract<RouteHandler, { kind: 'throw' }>

/** The empty body of an `end-empty` route, as the route would pass it. */
export function emptyBody(kind: Extract<RouteHandler, { kind: 'end-empty' }>['body']): string | Uint8Array {
  if (kind === 'string') return ''
  return kind === 'buffer' ? Buffer.alloc(0) : new Uint8Array(0)
}
type RespondHandler = Extract<RouteHandler, { kind: 'respond' }>
type AwaitHandler = Extract<RouteHandler, { kind: 'await' }>

function setHeaders(res: Response, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
}

function throwingHandler(handler: ThrowHandler): RequestHandler {
  return (_req, res) => {
    setHeaders(res, handler.setHeaders)
    throw handler.error()
  }
}

/** What Express 4 users write; Express 5 catches the returned promise itself. */
function forwardRejection(major: ExpressMajor, promise: Promise<unknown>, next: NextFunction) {
  return major.forwardsRejections ? promise : promise.catch(next)
}

function rejectingHandler(major: ExpressMajor, handler: ThrowHandler): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const rejection = (async () => {
      setHeaders(res, handler.setHeaders)
      throw handler.error()
    })()
    return forwardRejection(major, rejection, next)
  }
}

function respondingHandler(handler: RespondHandler): RequestHandler {
  return (_req, res) => {
    setHeaders(res, handler.headers)
    if (handler.status !== undefined) res.status(handler.status)
    if (handler.body !== undefined) res.json(handler.body)
    else res.end()
  }
}

function awaitingHandler(major: ExpressMajor, handler: AwaitHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const answer = handler.action(req.timeoutSignal).then((result) => void res.json(result))
    return forwardRejection(major, answer, next)
  }
}

function addRoutes(major: ExpressMajor, target: object, routes: readonly RouteSpec[]): void {
  for (const route of routes) {
    const path = route.path === '*' ? major.catchAllPath : route.path
    addRoute(target, route.method, path, routeHandlers(major, route.handler))
  }
}

function buildApp(major: ExpressMajor, spec: AppSpec): RequestListener {
  const app = major.express()
  // The documented installation: the guard before everything, the handlers after the routes.
  const errors = statusErrors(spec.options)
  app.use(errors.guard)
  const { earlyHeaders, refuseHeader } = spec
  if (refuseHeader !== undefined) {
    app.use((_req, res, next) => {
      refuseOnSetHeader(res, refuseHeader)
      next()
    })
  }
  if (earlyHeaders !== undefined) {
    app.use((_req, res, next) => {
      setHeaders(res, earlyHeaders)
      next()
    })
  }
  // The router goes before the routes, so a root catch-all among the routes cannot shadow it.
  if (spec.mounted !== undefined) {
    const router = major.express.Router()
    addRoutes(major, router, spec.mounted.routes)
    app.use(spec.mounted.prefix, router)
  }
  addRoutes(major, app, spec.routes)
  app.use(errors)
  return app
}

export const expressHarnesses: readonly Harness[] = expressMajors.map((major) => ({
  name: major.name,
  framework: 'express',
  start: async (spec: AppSpec) => {
    const app = buildApp(major, spec)
    return { ...(await listen(app)), openApi: (base) => openApi(app as never, base) }
  },
}))
