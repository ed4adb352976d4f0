import { createServer } from 'node:http'
import { bodyParser } from '@koa/bodyparser'
import { Router, type RouterMiddleware } from '@koa/router'
import { accepted, openApi, statusErrors } from '@status-errors/koa'
import type Koa from 'koa'
import Router13 from 'koa-router13'
import Koa2 from 'koa2'
import Koa3 from 'koa3'
import type { AppSpec, Harness, RouteHandler, RouteSpec, RunningApp } from '../harness.js'
import { emptyBody, refuseOnSetHeader } from './express.js'

/** Both Koa majors, for the adapter's own tests, which build their apps by hand. */
export const koaMajors: readonly { readonly name: string; readonly Koa: typeof Koa }[] = [
  { name: 'koa 2', Koa: Koa2 },
  { name: 'koa 3', Koa: Koa3 },
]

/** A Koa major with one @koa/router version, as an app of the conformance suite runs them. */
interface KoaSetup {
  readonly name: string
  readonly Koa: typeof Koa
  readonly Router: typeof Router
  /** A catch-all that also matches `/`, in the syntax of the router's path-to-regexp. */
  readonly rootCatchAll: string
}

const KOA_SETUPS: readonly KoaSetup[] = [
  // @koa/router 15 uses path-to-regexp 8.
  { name: 'koa 2', Koa: Koa2, Router, rootCatchAll: '/{*rest}' },
  { name: 'koa 3', Koa: Koa3, Router, rootCatchAll: '/{*rest}' },
  // @koa/router 13 (path-to-regexp 6) is what Koa 2 apps made before @koa/router 14 (September 2025) have.
  { name: 'koa 2, @koa/router 13', Koa: Koa2, Router: Router13, rootCatchAll: '(.*)' },
]

/** Koa 2 and Koa 3 with @koa/router, status-errors mounted first as its README says. */
export const koaHarnesses: readonly Harness[] = KOA_SETUPS.map(koaHarness)

/** Re-exported for the adapter's tests: @koa/router is installed here, not in packages/koa. */
export { Router }

/** Both @koa/router generations the suite runs, for the adapter's tests of what routers record. */
export const koaRouters: readonly Pick<KoaSetup, 'name' | 'Koa' | 'Router'>[] = [
  { name: 'koa 3, @koa/router 15', Koa: Koa3, Router },
  { name: 'koa 2, @koa/router 13', Koa: Koa2, Router: Router13 },
]

function koaHarness(setup: KoaSetup): Harness {
  return {
    name: setup.name,
    framework: 'koa',
    start: async (spec) => {
      const app = buildApp(setup, spec)
      return { ...(await listen(app)), openApi: (base) => openApi(app, base) }
    },
  }
}

function buildApp(setup: KoaSetup, spec: AppSpec): Koa {
  const app = new setup.Koa()
  // Koa's default 'error' listener prints 5xx stacks; the tests assert on responses, not on logs.
  app.silent = true
  app.use(statusErrors(spec.options))
  const { earlyHeaders, refuseHeader } = spec
  if (refuseHeader !== undefined) {
    app.use((ctx, next) => {
      refuseOnSetHeader(ctx.res, refuseHeader)
      return next()
    })
  }
  if (earlyHeaders !== undefined) {
    app.use((ctx, next) => {
      ctx.set(earlyHeaders)
      return next()
    })
  }
  app.use(routerFor(setup, spec.routes).routes())
  if (spec.mounted !== undefined) {
    app.use(routerFor(setup, spec.mounted.routes, spec.mounted.prefix).routes())
  }
  return app
}

function routerFor(setup: KoaSetup, routes: readonly RouteSpec[], prefix?: string): Router {
  const router = prefix === undefined ? new setup.Router() : new setup.Router({ prefix })
  for (const route of routes) {
    const path = route.path === '*' ? setup.rootCatchAll : route.path
    const middleware = middlewareFor(route.handler)
    if (route.method === 'ALL') router.all(path, ...middleware)
    else router.register(path, [route.method], middleware)
  }
  return router
}

function middlewareFor(handler: RouteHandler): RouterMiddleware[] {
  switch (handler.kind) {
    case 'ok':
      return [
        (ctx) => {
          ctx.body = handler.body
        },
      ]
    case 'throw':
      return [
        (ctx) => {
          if (handler.setHeaders !== undefined) ctx.set(handler.setHeaders)
          if (handler.async === true) return Promise.reject(handler.error())
          throw handler.error()
        },
      ]
    case 'fall-through':
      return [(_ctx, next) => next()]
    case 'parse-form':
    case 'parse-json':
      return [
        bodyParser(),
        (ctx) => {
          ctx.body = ctx.request.body
        },
      ]
    case 'respond':
      return [
        (ctx) => {
          if (handler.headers !== undefined) ctx.set(handler.headers)
          // What a Koa user writes for "no content": a null body. Set before any status, because
          // Koa turns a null body into 204 and keeps a status assigned after it.
          if (handler.body === undefined) ctx.body = null
          if (handler.status !== undefined) ctx.status = handler.status
          if (handler.body !== undefined) ctx.body = handler.body
        },
      ]
    case 'accepted':
      return [
        (ctx) => {
          accepted(ctx, handler.location === undefined ? undefined : { location: handler.location })
        },
      ]
    case 'await':
      return [
        async (ctx) => {
          ctx.body = await handler.action(ctx.timeoutSignal)
        },
      ]
    case 'end-empty':
      return [
        (ctx) => {
          ctx.type = 'text/plain; charset=utf-8'
          ctx.body = emptyBody(handler.body)
        },
      ]
    case 'after-start':
      return [
        (ctx) => {
          ctx.res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          ctx.res.write('partial')
          if (handler.next === 'throw') throw new Error('failed after the response started')
          // The route answers on Node's response itself, so Koa must not respond after it.
          ctx.respond = false
          accepted(ctx)
          ctx.res.end('done')
        },
      ]
    case 'validate-json':
      throw new Error('koa: @koa/router has no built-in schema validation (validate-json is Fastify only)')
  }
}

/** Listens on 127.0.0.1, on a port the system picks. */
export async function listen(app: Koa): Promise<RunningApp> {
  const server = createServer(app.callback())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return {
    port: portOf(server.address()),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      }),
  }
}

function portOf(address: string | { readonly port: number } | null): number {
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address')
  return address.port
}
