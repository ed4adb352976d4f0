import { bodyParser } from '@koa/bodyparser'
import { Router } from '@koa/router'
import {
  accepted,
  type ErrorInfo,
  httpError,
  type OpenApiDocument,
  openApi,
  proxyAuthenticationRequired,
  statusErrors,
  unauthorized,
} from '@status-errors/koa'
import Koa from 'koa'
import {
  BASE_OPENAPI,
  buildReport,
  DEFAULT_UPSTREAMS,
  DEMO_TOKEN,
  emailOf,
  FORECAST_TIMEOUT_MS,
  logServerErrors,
  PROTECTED_USER_IDS,
  PROXY_CHALLENGE,
  portFromEnv,
  REPORT_BUILD_MS,
  STATUS_ERRORS_OPTIONS,
  type Upstreams,
  UserStore,
} from '../users.js'

/** Where error responses are reported: the examples' one-line log, unless the demo passes its own. */
type OnError = (error: unknown, info: ErrorInfo) => void

/** A small Koa 3 API with status-errors mounted first. */
export function createKoaApp(
  upstreams: Upstreams = DEFAULT_UPSTREAMS,
  onError: OnError = logServerErrors,
): Koa {
  const users = new UserStore()
  const app = new Koa()
  // First: refuses, times out, catches everything thrown below and answers requests nothing handled.
  app.use(statusErrors({ ...STATUS_ERRORS_OPTIONS, onError }))
  app.use(bodyParser())

  const router = new Router()
  router.get('/users', (ctx) => {
    ctx.body = users.list()
  })
  router.post('/users', (ctx) => {
    const email = emailOf(ctx.request.body)
    if (email === undefined) throw httpError(400, 'The body needs an "email".')
    const user = users.create(email)
    if (user === undefined) throw httpError(409, 'This email address is already registered.')
    ctx.set('Location', `/users/${user.id}`)
    ctx.body = user // 201 by success: 'documented'
  })
  router.get('/users/:id', (ctx) => {
    const user = users.find(ctx.params.id ?? '')
    if (user === undefined) throw httpError(404, `No user with id ${ctx.params.id}.`)
    ctx.body = user
  })
  router.delete('/users/:id', (ctx) => {
    const id = ctx.params.id ?? ''
    if (PROTECTED_USER_IDS.has(id)) throw httpError(403, 'This user cannot be deleted.')
    if (!users.delete(id)) throw httpError(404, `No user with id ${id}.`)
    ctx.body = null // 204
  })
  router.get('/me', (ctx) => {
    if (ctx.get('authorization') !== `Bearer ${DEMO_TOKEN}`) {
      throw unauthorized('Bearer realm="demo"', 'Send a bearer token.')
    }
    ctx.body = users.find('1')
  })
  router.get('/proxied/status', (ctx) => {
    if (ctx.get('proxy-authorization') === '') throw proxyAuthenticationRequired(PROXY_CHALLENGE)
    ctx.body = { ok: true }
  })
  router.post('/exports', (ctx) => {
    accepted(ctx, { location: '/exports/1' })
  })
  router.get('/weather', async (ctx) => {
    ctx.body = await (await fetch(upstreams.weather)).json()
  })
  router.get('/forecast', async (ctx) => {
    ctx.body = await (
      await fetch(upstreams.forecast, { signal: AbortSignal.timeout(FORECAST_TIMEOUT_MS) })
    ).json()
  })
  router.get('/report', async (ctx) => {
    ctx.body = await buildReport(REPORT_BUILD_MS, ctx.timeoutSignal)
  })
  router.get('/boom', () => {
    throw new Error('database password is hunter2')
  })
  // The hand-written document, completed from the live routes once the router is mounted (below).
  let document: OpenApiDocument | undefined
  router.get('/openapi.json', (ctx) => {
    ctx.body = document
  })
  app.use(router.routes())
  document = openApi(app, BASE_OPENAPI).document
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFromEnv(3002)
  createKoaApp().listen(port, '127.0.0.1', () => console.log(`koa example on http://127.0.0.1:${port}`))
}
