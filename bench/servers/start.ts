import type { RunningServer } from './listen.js'
import type { AppKind, Framework } from './spec.js'

/** Starts a variant of the app on 127.0.0.1 in this process; only the framework asked for is loaded. */
export async function startServer(framework: Framework, kind: AppKind): Promise<RunningServer> {
  switch (framework) {
    case 'express':
      return (await import('./express.js')).startExpress(kind)
    case 'koa':
      return (await import('./koa.js')).startKoa(kind)
    case 'fastify':
      return (await import('./fastify.js')).startFastify(kind)
  }
}
