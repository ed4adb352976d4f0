import { bodyParser } from '@koa/bodyparser'
import { Router } from '@koa/router'
import { httpError, statusErrors } from '@status-errors/koa'
import Koa from 'koa'
import { DEMO_TOKEN, emailOf, logServerErrors, PROTECTED_USER_IDS, portFromEnv, UserStore } from '../users.js'

/** A small Koa 3 API with status-errors mounted first. */
export function createKoaApp(): Koa {
  const users = new UserStore()
  const app = new Koa()
  // First: catches everything thrown below and answers requests nothing handled.
  app.use(statusErrors({ onError: logServerErrors }))
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
    ctx.status = 201
    ctx.body = user
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
    ctx.status = 204
  })
  router.get('/me', (ctx) => {
    if (ctx.get('authorization') !== `Bearer ${DEMO_TOKEN}`) {
      throw httpError(401, 'Send a bearer token.', { headers: { 'WWW-Authenticate': 'Bearer realm="demo"' } })
    }
    ctx.body = users.find('1')
  })
  router.get('/boom', () => {
    throw new Error('database password is hunter2')
  })
  app.use(router.routes())
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFromEnv(3002)
  createKoaApp().listen(port, '127.0.0.1', () => console.log(`koa example on http://127.0.0.1:${port}`))
}
