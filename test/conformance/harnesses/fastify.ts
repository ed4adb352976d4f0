import type { AddressInfo } from 'node:net'
import { statusErrors } from '@status-errors/fastify'
import { fastify as fastify4 } from 'fastify4'
import type { FastifyInstance, FastifyReply, RouteHandlerMethod } from 'fastify5'
import { fastify as fastify5 } from 'fastify5'
import type { AppSpec, Harness, RouteHandler, RouteSpec, RunningApp } from '../harness.js'

/** One installed Fastify major, for this harness and for the adapter's own tests. */
export interface FastifyMajor {
  readonly name: 'fastify 4' | 'fastify 5'
  readonly fastify: typeof fastify5
}

export const fastifyMajors: readonly FastifyMajor[] = [
  // TypeScript cannot call a union of two majors: Fastify 4 is driven through Fastify 5's types.
  { name: 'fastify 4', fastify: fastify4 as unknown as typeof fastify5 },
  { name: 'fastify 5', fastify: fastify5 },
]

/** Sends JSON the way `res.json` does, also for a string body, so every framework sends the same bytes. */
function sendJson(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body))
}

type ThrowHandler = Extract<RouteHandler, { kind: 'throw' }>

function setHeaders(reply: FastifyReply, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value)
}

function throwingHandler(handler: ThrowHandler): RouteHandlerMethod {
  if (handler.async === true) {
    return async (_request, reply) => {
      setHeaders(reply, handler.setHeaders)
      throw handler.error()
    }
  }
  return (_request, reply) => {
    setHeaders(reply, handler.setHeaders)
    throw handler.error()
  }
}

function routeHandler(handler: RouteHandler): RouteHandlerMethod {
  switch (handler.kind) {
    case 'ok':
      return (_request, reply) => sendJson(reply, handler.body)
    case 'fall-through':
      return (_request, reply) => reply.callNotFound()
    case 'parse-json':
      // Fastify's built-in JSON parser runs before the handler.
      return (request, reply) => sendJson(reply, request.body)
    case 'throw':
      return throwingHandler(handler)
  }
}

function addRoutes(app: FastifyInstance, routes: readonly RouteSpec[]): void {
  for (const route of routes) {
    const handler = routeHandler(route.handler)
    // Fastify's own syntax for a root catch-all is the neutral `*`.
    if (route.method === 'ALL') app.all(route.path, handler)
    else app.route({ method: route.method, url: route.path, handler })
  }
}

async function buildApp(major: FastifyMajor, spec: AppSpec): Promise<FastifyInstance> {
  const app = major.fastify({ logger: false })
  await app.register(statusErrors, spec.options ?? {})
  const { earlyHeaders } = spec
  if (earlyHeaders !== undefined) {
    app.addHook('onRequest', async (_request, reply) => {
      setHeaders(reply, earlyHeaders)
    })
  }
  addRoutes(app, spec.routes)
  const { mounted } = spec
  if (mounted !== undefined) {
    await app.register(async (child) => addRoutes(child, mounted.routes), { prefix: mounted.prefix })
  }
  return app
}

/** Listens on 127.0.0.1 at a free port; `close` closes the app (and so runs its onClose hooks). */
export async function listen(app: FastifyInstance): Promise<RunningApp> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() }
}

export const fastifyHarnesses: readonly Harness[] = fastifyMajors.map((major) => ({
  name: major.name,
  framework: 'fastify',
  start: async (spec: AppSpec) => listen(await buildApp(major, spec)),
}))
