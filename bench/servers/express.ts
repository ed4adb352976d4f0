import { createServer } from 'node:http'
import { statusErrors } from '@status-errors/express'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
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

/** Express 5 app of the given variant; NODE_ENV=production, as in a deployment. */
export function expressApp(kind: AppKind): Express {
  const app = express()
  for (const { path, answer } of appRoutes(kind)) {
    app.get(
      path,
      answer === 'hello'
        ? (_req: Request, res: Response) => {
            res.json(HELLO_BODY)
          }
        : () => {
            throw thrownBy(answer)
          },
    )
  }
  addErrorHandling(app, kind)
  return app
}

function addErrorHandling(app: Express, kind: AppKind): void {
  switch (kind) {
    case 'native':
      // finalhandler answers, and logs 5xx with console.error (NODE_ENV is not 'test').
      return
    case 'status-errors':
    case 'many-routes':
      app.use(statusErrors({ onError: ignoreError }))
      return
    case 'status-errors-log':
      app.use(statusErrors())
      return
    case 'minimal':
      app.use(minimalNotFound)
      app.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
        res.status(500).json(MINIMAL_INTERNAL)
      })
      return
    case 'hand-status':
      app.use(minimalNotFound)
      app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
        const { status, message } = readStatusAndMessage(error)
        res.status(status).json({ status, message })
      })
      return
    case 'same-bytes':
    case 'same-bytes-many-routes':
      // The hand-written 405 of the one path the 405 scenario posts to.
      if (kind === 'same-bytes-many-routes') {
        app.post(manyRoutePath(MANY_ROUTES - 1, ':id'), (_req, res) =>
          writeFixed(res, SAME_BYTES.methodNotAllowed),
        )
      }
      app.use((req: Request, res: Response) => {
        writeFixed(res, wantsHtml(req.headers.accept) ? SAME_BYTES.notFoundHtml : SAME_BYTES.notFound)
      })
      app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
        writeFixed(res, answerForError(error))
      })
      return
  }
}

/** Writes a constant answer straight to Node's response, as status-errors does on Express. */
function writeFixed(res: Response, answer: FixedAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value)
  res.statusCode = answer.status
  res.end(answer.body)
}

function minimalNotFound(_req: Request, res: Response): void {
  res.status(404).json(MINIMAL_NOT_FOUND)
}

export function startExpress(kind: AppKind): Promise<RunningServer> {
  return listenOnLoopback(createServer(expressApp(kind)))
}
