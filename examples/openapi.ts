/**
 * `pnpm --filter @status-errors/examples openapi express|koa|fastify`: prints the example app's
 * OpenAPI document as it serves it at GET /openapi.json — the hand-written openapi.base.json,
 * completed by status-errors from the live routes — and its drift, if any, on stderr.
 */
import { openApi as expressOpenApi } from '@status-errors/express'
import { openApi as fastifyOpenApi } from '@status-errors/fastify'
import { openApi as koaOpenApi } from '@status-errors/koa'
import { createExpressApp } from './express/server.js'
import { createFastifyApp } from './fastify/server.js'
import { createKoaApp } from './koa/server.js'
import { BASE_OPENAPI } from './users.js'

const framework = process.argv[2]

async function completed() {
  switch (framework) {
    case 'express':
      return expressOpenApi(createExpressApp(), BASE_OPENAPI)
    case 'koa':
      return koaOpenApi(createKoaApp(), BASE_OPENAPI)
    case 'fastify': {
      const app = await createFastifyApp()
      await app.ready()
      const result = fastifyOpenApi(app, BASE_OPENAPI)
      await app.close()
      return result
    }
    default:
      return undefined
  }
}

const result = await completed()
if (result === undefined) {
  console.error('usage: pnpm --filter @status-errors/examples openapi express|koa|fastify')
  process.exit(2)
}
const { unrouted, undocumented, unknownStatuses } = result.drift
for (const line of [...unrouted, ...undocumented, ...unknownStatuses]) console.error(`drift: ${line}`)
console.log(JSON.stringify(result.document, null, 2))
