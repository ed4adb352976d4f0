import { httpError, statusErrors } from '@status-errors/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
import { DEMO_TOKEN, emailOf, logServerErrors, PROTECTED_USER_IDS, portFromEnv, UserStore } from '../users.js'

/** A small Fastify 5 API with the status-errors plugin registered at the root. */
export async function createFastifyApp(): Promise<FastifyInstance> {
  const users = new UserStore()
  const app = Fastify()
  await app.register(statusErrors, { onError: logServerErrors })

  app.get('/users', async () => users.list())
  app.post('/users', async (request, reply) => {
    const email = emailOf(request.body)
    if (email === undefined) throw httpError(400, 'The body needs an "email".')
    const user = users.create(email)
    if (user === undefined) throw httpError(409, 'This email address is already registered.')
    return reply.code(201).send(user)
  })
  app.get<{ Params: { id: string } }>('/users/:id', async (request) => {
    const user = users.find(request.params.id)
    if (user === undefined) throw httpError(404, `No user with id ${request.params.id}.`)
    return user
  })
  app.delete<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    if (PROTECTED_USER_IDS.has(request.params.id)) throw httpError(403, 'This user cannot be deleted.')
    if (!users.delete(request.params.id)) throw httpError(404, `No user with id ${request.params.id}.`)
    return reply.code(204).send()
  })
  app.get('/me', async (request) => {
    if (request.headers.authorization !== `Bearer ${DEMO_TOKEN}`) {
      throw httpError(401, 'Send a bearer token.', { headers: { 'WWW-Authenticate': 'Bearer realm="demo"' } })
    }
    return users.find('1')
  })
  app.get('/boom', async () => {
    throw new Error('database password is hunter2')
  })
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFromEnv(3003)
  const app = await createFastifyApp()
  await app.listen({ port, host: '127.0.0.1' })
  console.log(`fastify example on http://127.0.0.1:${port}`)
}
