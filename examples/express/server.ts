import {
  accepted,
  type ErrorInfo,
  httpError,
  type OpenApiDocument,
  openApi,
  proxyAuthenticationRequired,
  statusErrors,
  unauthorized,
} from '@status-errors/express'
import express, { type Express } from 'express'
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

/** A small Express 5 API: the guard mounted first, statusErrors after its routes. */
export function createExpressApp(
  upstreams: Upstreams = DEFAULT_UPSTREAMS,
  onError: OnError = logServerErrors,
): Express {
  const users = new UserStore()
  const app = express()
  const errors = statusErrors({ ...STATUS_ERRORS_OPTIONS, onError })
  app.use(errors.guard)
  app.use(express.json())

  app.get('/users', (_req, res) => {
    res.json(users.list())
  })
  app.post('/users', (req, res) => {
    const email = emailOf(req.body)
    if (email === undefined) throw httpError(400, 'The body needs an "email".')
    const user = users.create(email)
    if (user === undefined) throw httpError(409, 'This email address is already registered.')
    res.location(`/users/${user.id}`).json(user) // 201 by success: 'documented'
  })
  app.get('/users/:id', (req, res) => {
    const user = users.find(req.params.id)
    if (user === undefined) throw httpError(404, `No user with id ${req.params.id}.`)
    res.json(user)
  })
  app.delete('/users/:id', (req, res) => {
    if (PROTECTED_USER_IDS.has(req.params.id)) throw httpError(403, 'This user cannot be deleted.')
    if (!users.delete(req.params.id)) throw httpError(404, `No user with id ${req.params.id}.`)
    res.end() // 204 by success: 'documented'
  })
  app.get('/me', (req, res) => {
    if (req.headers.authorization !== `Bearer ${DEMO_TOKEN}`) {
      throw unauthorized('Bearer realm="demo"', 'Send a bearer token.')
    }
    res.json(users.find('1'))
  })
  app.get('/proxied/status', (req, res) => {
    if (req.headers['proxy-authorization'] === undefined) throw proxyAuthenticationRequired(PROXY_CHALLENGE)
    res.json({ ok: true })
  })
  app.post('/exports', (_req, res) => {
    accepted(res, { location: '/exports/1' })
  })
  app.get('/weather', async (_req, res) => {
    res.json(await (await fetch(upstreams.weather)).json())
  })
  app.get('/forecast', async (_req, res) => {
    res.json(
      await (await fetch(upstreams.forecast, { signal: AbortSignal.timeout(FORECAST_TIMEOUT_MS) })).json(),
    )
  })
  app.get('/report', async (req, res) => {
    res.json(await buildReport(REPORT_BUILD_MS, req.timeoutSignal))
  })
  app.get('/boom', () => {
    throw new Error('database password is hunter2')
  })
  // The hand-written document, completed from the live routes once they are all added (below).
  let document: OpenApiDocument | undefined
  app.get('/openapi.json', (_req, res) => {
    res.json(document)
  })

  // Last: answers unmatched requests (404/405/501/OPTIONS) and every error.
  app.use(errors)
  document = openApi(app, BASE_OPENAPI).document
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFromEnv(3001)
  createExpressApp().listen(port, '127.0.0.1', () =>
    console.log(`express example on http://127.0.0.1:${port}`),
  )
}
