import {
  accepted,
  type ErrorInfo,
  frameworkErrors,
  httpError,
  type OpenApiDocument,
  openApi,
  proxyAuthenticationRequired,
  statusErrors,
  unauthorized,
} from '@status-errors/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
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

/** A small Fastify 5 API with the status-errors plugin registered at the root, before the routes. */
export async function createFastifyApp(
  upstreams: Upstreams = DEFAULT_UPSTREAMS,
  onError: OnError = logServerErrors,
): Promise<FastifyInstance> {
  const users = new UserStore()
  // frameworkErrors: Fastify's own 400 for a malformed URL goes through status-errors too.
  const app = Fastify({ frameworkErrors })
  await app.register(statusErrors, { ...STATUS_ERRORS_OPTIONS, onError })

  app.get('/users', async () => users.list())
  app.post('/users', async (request, reply) => {
    const email = emailOf(request.body)
    if (email === undefined) throw httpError(400, 'The body needs an "email".')
    const user = users.create(email)
    if (user === undefined) throw httpError(409, 'This email address is already registered.')
    return reply.header('location', `/users/${user.id}`).send(user) // 201 by success: 'documented'
  })
  app.get<{ Params: { id: string } }>('/users/:id', async (request) => {
    const user = users.find(request.params.id)
    if (user === undefined) throw httpError(404, `No user with id ${request.params.id}.`)
    return user
  })
  app.delete<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    if (PROTECTED_USER_IDS.has(request.params.id)) throw httpError(403, 'This user cannot be deleted.')
    if (!users.delete(request.params.id)) throw httpError(404, `No user with id ${request.params.id}.`)
    return reply.send() // 204 by success: 'documented'
  })
  app.get('/me', async (request) => {
    if (request.headers.authorization !== `Bearer ${DEMO_TOKEN}`) {
      throw unauthorized('Bearer realm="demo"', 'Send a bearer token.')
    }
    return users.find('1')
  })
  app.get('/proxied/status', async (request) => {
    if (request.headers['proxy-authorization'] === undefined)
      throw proxyAuthenticationRequired(PROXY_CHALLENGE)
    return { ok: true }
  })
  app.post('/exports', async (_request, reply) => accepted(reply, { location: '/exports/1' }))
  app.get('/weather', async () => (await fetch(upstreams.weather)).json())
  app.get('/forecast', async () =>
    (await fetch(upstreams.forecast, { signal: AbortSignal.timeout(FORECAST_TIMEOUT_MS) })).json(),
  )
  app.get('/report', async (request) => buildReport(REPORT_BUILD_MS, request.timeoutSignal))
  app.get('/boom', async () => {
    throw new Error('database password is hunter2')
  })
  // The hand-written document, completed from the live routes once the app is ready.
  let document: OpenApiDocument | undefined
  app.get('/openapi.json', async () => document)
  app.addHook('onReady', async () => {
    document = openApi(app, BASE_OPENAPI).document
  })
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFromEnv(3003)
  const app = await createFastifyApp()
  await app.listen({ port, host: '127.0.0.1' })
  console.log(`fastify example on http://127.0.0.1:${port}`)
}
