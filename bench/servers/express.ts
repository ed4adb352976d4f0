import { createServer } from 'node:http'
import { statusErrors } from '@status-errors/express'
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
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
  }
}

function minimalNotFound(_req: Request, res: Response): void {
  res.status(404).json(MINIMAL_NOT_FOUND)
}

export function startExpress(kind: AppKind): Promise<RunningServer> {
  return listenOnLoopback(createServer(expressApp(kind)))
}
