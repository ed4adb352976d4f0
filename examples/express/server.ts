import { httpError, statusErrors } from '@status-errors/express'
import express, { type Express } from 'express'
import { DEMO_TOKEN, emailOf, logServerErrors, PROTECTED_USER_IDS, portFromEnv, UserStore } from '../users.js'

/** A small Express 5 API with status-errors mounted after its routes. */
export function createExpressApp(): Express {
  const users = new UserStore()
  const app = express()
  app.use(express.json())

  app.get('/users', (_req, res) => {
    res.json(users.list())
  })
  app.post('/users', (req, res) => {
    const email = emailOf(req.body)
    if (email === undefined) throw httpError(400, 'The body needs an "email".')
    const user = users.create(email)
    if (user === undefined) throw httpError(409, 'This email address is already registered.')
    res.status(201).json(user)
  })
  app.get('/users/:id', (req, res) => {
    const user = users.find(req.params.id)
    if (user === undefined) throw httpError(404, `No user with id ${req.params.id}.`)
    res.json(user)
  })
  app.delete('/users/:id', (req, res) => {
    if (PROTECTED_USER_IDS.has(req.params.id)) throw httpError(403, 'This user cannot be deleted.')
    if (!users.delete(req.params.id)) throw httpError(404, `No user with id ${req.params.id}.`)
    res.status(204).end()
  })
  app.get('/me', (req, res) => {
    if (req.headers.authorization !== `Bearer ${DEMO_TOKEN}`) {
      throw httpError(401, 'Send a bearer token.', { headers: { 'WWW-Authenticate': 'Bearer realm="demo"' } })
    }
    res.json(users.find('1'))
  })
  app.get('/boom', () => {
    throw new Error('database password is hunter2')
  })

  // Last: answers unmatched requests (404/405/501/OPTIONS) and every error.
  app.use(statusErrors({ onError: logServerErrors }))
  return app
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFromEnv(3001)
  createExpressApp().listen(port, '127.0.0.1', () =>
    console.log(`express example on http://127.0.0.1:${port}`),
  )
}
