import type { AddressInfo } from 'node:net'
import { accepted, frameworkErrors, openApi, statusErrors } from '@status-errors/fastify'
import { fastify as fastify4 } from 'fastify4'
import type { FastifyInstance, FastifyReply, FastifySchema, RouteHandlerMethod } from 'fastify5'
import { fastify as fastify5 } from 'fastify5'
import type { AppSpec, Harness, RouteHandler, RouteSpec, RunningApp } from '../harness.js'
import { emptyBody } from './express.js'

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

type RespondHandler = Extract<RouteHandler, { kind: 'respond' }>

/** What a route does when it answers by itself: headers, an explicit status only if given, a body only if given. */
function respond(reply: FastifyReply, handler: RespondHandler): FastifyReply {
  setHeaders(reply, handler.headers)
  if (handler.status !== undefined) reply.code(handler.status)
  return handler.body === undefined ? reply.send() : sendJson(reply, handler.body)
}

/** The Fastify route options (handler, and schema for `validate-json`) for a neutral handler. */
function routeOptions(handler: RouteHandler): { handler: RouteHandlerMethod; schema?: FastifySchema } {
  switch (handler.kind) {
    case 'ok':
      return { handler: (_request, reply) => sendJson(reply, handler.body) }
    case 'fall-through':
      return { handler: (_request, reply) => reply.callNotFound() }
    case 'parse-form':
    case 'parse-json':
      // Fastify's built-in JSON parser runs before the handler.
      return { handler: (request, reply) => sendJson(reply, request.body) }
    case 'throw':
      return { handler: throwingHandler(handler) }
    case 'respond':
      return { handler: (_request, reply) => respond(reply, handler) }
    case 'accepted': {
      const { location } = handler
      return { handler: (_request, reply) => accepted(reply, location === undefined ? {} : { location }) }
    }
    case 'await':
      return {
        handler: async (request, reply) => sendJson(reply, await handler.action(request.timeoutSignal)),
      }
    case 'end-empty':
      return {
        handler: (_request, reply) =>
          reply.type('text/plain; charset=utf-8').send(emptyBody(handler.body) as string | Buffer),
      }
    case 'after-start':
      return {
        handler: (_request, reply) => {
          reply.raw.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          reply.raw.write('partial')
          if (handler.next === 'throw') throw new Error('failed after the response started')
          // The route answers on Node's response itself, so Fastify must not send after it.
          reply.hijack()
          accepted(reply)
          reply.raw.end('done')
        },
      }
    case 'validate-json':
      // Fastify's own route schema: Ajv validates the parsed body before the handler.
      return { handler: (request, reply) => sendJson(reply, request.body), schema: { body: handler.schema } }
  }
}

function addRoutes(app: FastifyInstance, routes: readonly RouteSpec[]): void {
  for (const route of routes) {
    const options = routeOptions(route.handler)
    // Fastify's own syntax for a root catch-all is the neutral `*`.
    if (route.method === 'ALL') app.all(route.path, options)
    else app.route({ method: route.method, url: route.path, ...options })
  }
}

async function buildApp(major: FastifyMajor, spec: AppSpec): Promise<FastifyInstance> {
  // `frameworkErrors` answers the router's own errors (malformed percent-encoding) as documented.
  const app = major.fastify({ logger: false, frameworkErrors })
  await app.register(statusErrors, spec.options ?? {})
  const { earlyHeaders, refuseHeader } = spec
  if (refuseHeader !== undefined) {
    // Fastify keeps headers in its own map and hands them to Node's writeHead, which validates them.
    app.addHook('onRequest', async (_request, reply) => {
      const writeHead = reply.raw.writeHead
      reply.raw.writeHead = function refusingWriteHead(this: typeof reply.raw, ...args: unknown[]) {
        const headers = args.find(
          (arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null,
        )
        if (
          headers !== undefined &&
          Object.keys(headers).some((name) => name.toLowerCase() === refuseHeader)
        ) {
          throw new TypeError(`Invalid character in header content ["${refuseHeader}"]`)
        }
        return Reflect.apply(writeHead, this, args)
      } as typeof writeHead
    })
  }
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
  start: async (spec: AppSpec) => {
    const app = await buildApp(major, spec)
    return { ...(await listen(app)), openApi: (base) => openApi(app, base) }
  },
}))
