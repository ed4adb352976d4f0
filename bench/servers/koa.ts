import { createServer } from 'node:http'
import { Router } from '@koa/router'
import { statusErrors } from '@status-errors/koa'
import Koa, { type Context, type Middleware } from 'koa'
import { listenOnLoopback, type RunningServer } from './listen.js'
import { answerForError, type FixedAnswer, SAME_BYTES, wantsHtml } from './same-bytes.js'
import {
  type AppKind,
  appRoutes,
  HELLO_BODY,
  ignoreError,
  MANY_ROUTES,
  MINIMAL_INTERNAL,
  MINIMAL_NOT_FOUND,
  manyRoutePath,
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
  // The hand-written 405 of the one path the 405 scenario posts to.
  if (kind === 'same-bytes-many-routes') {
    router.post(manyRoutePath(MANY_ROUTES - 1, ':id'), (ctx) => writeFixed(ctx, SAME_BYTES.methodNotAllowed))
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
    case 'same-bytes':
    case 'same-bytes-many-routes':
      return async (ctx, next) => {
        try {
          await next()
        } catch (error) {
          writeFixed(ctx, answerForError(error))
          return
        }
        if (ctx.status === 404 && ctx.body == null) {
          writeFixed(ctx, wantsHtml(ctx.get('accept')) ? SAME_BYTES.notFoundHtml : SAME_BYTES.notFound)
        }
      }
  }
}

/**
 * Writes a constant answer through Koa as status-errors does: headers first, then the body, then
 * the Content-Length again, which Koa's body setter spells `Content-Length`.
 */
function writeFixed(ctx: Context, answer: FixedAnswer): void {
  ctx.status = answer.status
  for (const [name, value] of Object.entries(answer.headers)) ctx.res.setHeader(name, value)
  ctx.body = answer.body
  ctx.res.setHeader('content-length', answer.headers['content-length'] ?? '')
}

export function startKoa(kind: AppKind): Promise<RunningServer> {
  return listenOnLoopback(createServer(koaApp(kind).callback()))
}
