import { createWriteStream } from 'node:fs'
import { statusErrors } from '@status-errors/fastify'
import { type FastifyInstance, type FastifyReply, fastify } from 'fastify'
import { portOf, type RunningServer } from './listen.js'
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

/**
 * Fastify 5 app. Fastify's logger is off by default, so neither its native error handler nor
 * status-errors' default logging (`request.log.error`) writes anything; `status-errors-log` turns
 * the logger on at level `error`, writing to /dev/null, to show what logging errors costs.
 */
export async function fastifyApp(kind: AppKind): Promise<FastifyInstance> {
  const app =
    kind === 'status-errors-log'
      ? fastify({ logger: { level: 'error', stream: createWriteStream('/dev/null') } })
      : fastify()
  await addErrorHandling(app, kind)
  for (const { path, answer } of appRoutes(kind)) {
    app.get(
      path,
      answer === 'hello'
        ? async () => HELLO_BODY
        : async () => {
            throw thrownBy(answer)
          },
    )
  }
  return app
}

async function addErrorHandling(app: FastifyInstance, kind: AppKind): Promise<void> {
  switch (kind) {
    case 'native':
      return
    case 'status-errors':
    case 'many-routes':
      await app.register(statusErrors, { onError: ignoreError })
      return
    case 'status-errors-log':
      await app.register(statusErrors)
      return
    case 'minimal':
      app.setNotFoundHandler((_request, reply) => reply.code(404).send(MINIMAL_NOT_FOUND))
      app.setErrorHandler((_error, _request, reply) => reply.code(500).send(MINIMAL_INTERNAL))
      return
    case 'hand-status':
      app.setNotFoundHandler((_request, reply) => reply.code(404).send(MINIMAL_NOT_FOUND))
      app.setErrorHandler((error: unknown, _request, reply) => {
        const { status, message } = readStatusAndMessage(error)
        return reply.code(status).send({ status, message })
      })
      return
    case 'same-bytes':
    case 'same-bytes-many-routes':
      app.setNotFoundHandler((request, reply) =>
        sendFixed(reply, wantsHtml(request.headers.accept) ? SAME_BYTES.notFoundHtml : SAME_BYTES.notFound),
      )
      app.setErrorHandler((error: unknown, _request, reply) => sendFixed(reply, answerForError(error)))
      // The hand-written 405 of the one path the 405 scenario posts to.
      if (kind === 'same-bytes-many-routes') {
        app.post(manyRoutePath(MANY_ROUTES - 1, ':id'), (_request, reply) =>
          sendFixed(reply, SAME_BYTES.methodNotAllowed),
        )
      }
      return
  }
}

/** Sends a constant answer through the reply: a string with its content type is sent as it is. */
function sendFixed(reply: FastifyReply, answer: FixedAnswer): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(answer.body)
}

export async function startFastify(kind: AppKind): Promise<RunningServer> {
  const app = await fastifyApp(kind)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { port: portOf(app.server), close: () => app.close() }
}
