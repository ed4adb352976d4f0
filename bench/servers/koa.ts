import { createServer } from 'node:http'
import { Router } from '@koa/router'
import { statusErrors } from '@status-errors/koa'
import Koa, { type Middleware } from 'koa'
import { listenOnLoopback, type RunningServer } from './listen.js'
import {
  type AppKind,
  appRoutes,
  HELLO_BODY,
  ignoreError,
  MINIMAL_INTERNAL,
  MINIMAL_NOT_FOUND,
  readStatusAndMessage,
  thrownBy,
} from './spec.js'

/** Koa 3 app with @koa/router; error handling goes first, as Koa middleware must. */
export function koaApp(kind: AppKind): Koa {
  const app = new Koa()
  const errorHandling = errorHandlingFor(kind)
  if (errorHandling !== undefined) app.use(errorHandling)
  const router = new Router()
  for (const { path, answer } of appRoutes(kind)) {
    router.get(
      path,
      answer === 'hello'
        ? (ctx) => {
            ctx.body = HELLO_BODY
          }
        : () => {
            throw thrownBy(answer)
          },
    )
  }
  app.use(router.routes())
  return app
}

function errorHandlingFor(kind: AppKind): Middleware | undefined {
  switch (kind) {
    case 'native':
      // Koa answers 404 "Not Found" (9 bytes of text) and 500 text; app.onerror logs 5xx.
      return undefined
    case 'status-errors':
    case 'many-routes':
      return statusErrors({ onError: ignoreError })
    case 'status-errors-log':
      return statusErrors()
    case 'minimal':
      return async (ctx, next) => {
        try {
          await next()
        } catch {
          ctx.status = 500
          ctx.body = MINIMAL_INTERNAL
          return
        }
        if (ctx.status === 404 && ctx.body == null) {
          ctx.status = 404
          ctx.body = MINIMAL_NOT_FOUND
        }
      }
    case 'hand-status':
      return async (ctx, next) => {
        try {
          await next()
        } catch (error) {
          const { status, message } = readStatusAndMessage(error)
          ctx.status = status
          ctx.body = { status, message }
        }
      }
  }
}

export function startKoa(kind: AppKind): Promise<RunningServer> {
  return listenOnLoopback(createServer(koaApp(kind).callback()))
}
