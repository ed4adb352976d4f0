import type { FastifyInstance, FastifyReply } from 'fastify'
import { describe, expect, it, vi } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { type FastifyMajor, fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { type RawRequest, sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { statusErrors } from './index.js'

/** An unmatched request and the status and Allow (`null`: absent) it must get. */
interface Row {
  readonly request: RawRequest
  readonly status: number
  readonly allow: string | null
}

async function answers(app: FastifyInstance, rows: readonly Row[]): Promise<void> {
  const port = await serve(app)
  for (const { request, status, allow } of rows) {
    const response = await sendRaw(port, request)
    const label = `${request.method} ${request.path}`
    expect(
      { status: response.status, allow: response.headers.get('allow')?.join(', ') ?? null },
      label,
    ).toEqual({
      status,
      allow,
    })
  }
}

const ok = async () => 'ok'

async function appWithPlugin(major: FastifyMajor): Promise<FastifyInstance> {
  const app = major.fastify()
  await app.register(statusErrors)
  return app
}

describe.each(fastifyMajors)('$name', (major) => {
  describe('root catch-alls', () => {
    // @fastify/cors registers `fastify.options('*', …)`: it matches every path.
    it.each(['*', '/*'])(
      'leaves an OPTIONS %s catch-all out of unknown paths and Allow',
      async (catchAll) => {
        const app = await appWithPlugin(major)
        app.get('/users', ok)
        app.options(catchAll, ok)
        await answers(app, [
          { request: { method: 'GET', path: '/nope' }, status: 404, allow: null },
          { request: { method: 'GET', path: '/n%20o%2Fpe?x=1' }, status: 404, allow: null },
          { request: { method: 'POST', path: '/deep/er/path/' }, status: 404, allow: null },
          { request: { method: 'DELETE', path: '/users' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        ])
      },
    )

    it('leaves a GET catch-all (SPA fallback) out, also with a trailing slash ignored', async () => {
      // Fastify 5 moved router options under `routerOptions` (FSTDEP022).
      const app = major.fastify(
        major.name === 'fastify 4'
          ? { ignoreTrailingSlash: true }
          : { routerOptions: { ignoreTrailingSlash: true } },
      )
      await app.register(statusErrors)
      app.post('/api/users', ok)
      app.get('/*', ok)
      await answers(app, [
        { request: { method: 'POST', path: '/somewhere/' }, status: 404, allow: null },
        { request: { method: 'PUT', path: '/api/users/' }, status: 405, allow: 'OPTIONS, POST' },
      ])
    })

    it('counts a wildcard below the root as the path’s route', async () => {
      const app = await appWithPlugin(major)
      app.get('/files/*', ok)
      await answers(app, [
        { request: { method: 'DELETE', path: '/files/a.txt' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        { request: { method: 'DELETE', path: '/other/a.txt' }, status: 404, allow: null },
      ])
    })
  })

  describe('constraints', () => {
    // The raw client always sends `Host: 127.0.0.1:<port>`.
    it('counts a host-constrained route only for its host', async () => {
      const app = await appWithPlugin(major)
      app.route({ method: 'DELETE', url: '/elsewhere', constraints: { host: 'example.com' }, handler: ok })
      app.route({ method: 'DELETE', url: '/here', constraints: { host: /^127\.0\.0\.1/ }, handler: ok })
      await answers(app, [
        { request: { method: 'GET', path: '/elsewhere' }, status: 404, allow: null },
        { request: { method: 'GET', path: '/here' }, status: 405, allow: 'DELETE, OPTIONS' },
      ])
    })

    it('counts a version-constrained route only for a matching Accept-Version', async () => {
      const app = await appWithPlugin(major)
      app.get('/report', ok)
      app.route({ method: 'PUT', url: '/report', constraints: { version: '1.2.0' }, handler: ok })
      const versioned = { 'accept-version': '1.x' }
      await answers(app, [
        { request: { method: 'PUT', path: '/report' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        // As in Fastify's routing: a request that asks for a version reaches versioned routes only.
        {
          request: { method: 'POST', path: '/report', headers: versioned },
          status: 405,
          allow: 'OPTIONS, PUT',
        },
        // No route serves version 2: Fastify would not route GET /report either.
        {
          request: { method: 'POST', path: '/report', headers: { 'accept-version': '2.x' } },
          status: 404,
          allow: null,
        },
      ])
    })

    it('ignores Accept-Version when no route is versioned, as Fastify’s routing does', async () => {
      const app = await appWithPlugin(major)
      app.get('/report', ok)
      await answers(app, [
        {
          request: { method: 'GET', path: '/report', headers: { 'accept-version': '1.x' } },
          status: 200,
          allow: null,
        },
        {
          request: { method: 'DELETE', path: '/report', headers: { 'accept-version': '1.x' } },
          status: 405,
          allow: 'GET, HEAD, OPTIONS',
        },
      ])
    })
  })

  describe('encapsulated child plugins', () => {
    it('answers 405 with Allow for routes in a prefixed child plugin', async () => {
      const app = await appWithPlugin(major)
      await app.register(
        async (child) => {
          child.get('/', ok)
          child.get('/things', ok)
          child.delete('/things/:id', ok)
        },
        { prefix: '/api' },
      )
      await answers(app, [
        { request: { method: 'POST', path: '/api/things' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        { request: { method: 'PUT', path: '/api/things/3' }, status: 405, allow: 'DELETE, OPTIONS' },
        // With prefixTrailingSlash 'both', a '/' route answers on both; onRoute fires only once.
        { request: { method: 'DELETE', path: '/api' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        { request: { method: 'DELETE', path: '/api/' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        { request: { method: 'GET', path: '/api/nope' }, status: 404, allow: null },
      ])
    })

    it('answers errors thrown in a child plugin with the documented body', async () => {
      const app = await appWithPlugin(major)
      await app.register(async (child) => {
        child.get('/boom', async () => {
          throw new Error('hidden')
        })
      })
      const port = await serve(app)
      expect((await sendRaw(port, { method: 'GET', path: '/boom' })).body).toBe(jsonBody(500))
    })
  })

  describe('app methods', () => {
    it('sees the methods of routes added before the plugin ran (right after an unawaited register)', async () => {
      const app = major.fastify()
      // Fastify 5 routes WebDAV methods only once added; Fastify 4 always does.
      if (major.name === 'fastify 5') app.addHttpMethod('PROPFIND', { hasBody: true })
      const registered = app.register(statusErrors)
      app.route({ method: 'PROPFIND', url: '/dav', handler: ok })
      app.get('/early', ok)
      await registered
      await answers(app, [
        { request: { method: 'POST', path: '/early' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
        // A method some route uses is implemented: 404, not 501.
        { request: { method: 'PROPFIND', path: '/nope' }, status: 404, allow: null },
        { request: { method: 'GET', path: '/dav' }, status: 405, allow: 'OPTIONS, PROPFIND' },
      ])
    })

    it('answers 501 for a method no route uses, and not for one a route uses', async () => {
      const app = await appWithPlugin(major)
      app.get('/users', ok)
      app.route({ method: 'TRACE', url: '/debug', handler: ok })
      await answers(app, [
        // Fastify 4 routes PROPFIND but no route uses it; Fastify 5 does not route it at all.
        { request: { method: 'PROPFIND', path: '/users' }, status: 501, allow: null },
        { request: { method: 'TRACE', path: '/users' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
      ])
    })

    it('counts the HEAD route Fastify adds for a GET route, and not for other methods', async () => {
      const app = await appWithPlugin(major)
      app.get('/page', ok)
      app.post('/form', ok)
      await answers(app, [
        { request: { method: 'HEAD', path: '/page' }, status: 200, allow: null },
        { request: { method: 'HEAD', path: '/form' }, status: 405, allow: 'OPTIONS, POST' },
      ])
    })

    // Each app has GET /page without a HEAD route, and GET /both with one.
    const ownErrorHandler = {
      errorHandler: (_e: unknown, _r: unknown, reply: FastifyReply) => reply.code(500).send(),
    }
    it.each<{ name: string; app: () => Promise<FastifyInstance> }>([
      {
        name: 'the server exposes no HEAD routes',
        app: async () => {
          const app = major.fastify({ exposeHeadRoutes: false })
          await app.register(statusErrors)
          app.get('/page', ok)
          app.get('/both', ok)
          app.head('/both', ok)
          return app
        },
      },
      {
        name: 'the plugin never saw the GET route, under a server that exposes no HEAD routes',
        app: async () => {
          const app = major.fastify({ exposeHeadRoutes: false })
          // Every route before the plugin, with an error handler of its own (the placement check
          // allows it), so that only the server's option can tell.
          app.get('/page', ownErrorHandler, ok)
          app.get('/both', ownErrorHandler, ok)
          app.head('/both', ownErrorHandler, ok)
          await app.register(statusErrors)
          return app
        },
      },
      {
        name: 'the GET route was added with exposeHeadRoute off',
        app: async () => {
          const app = await appWithPlugin(major)
          app.get('/page', { exposeHeadRoute: false }, ok)
          app.get('/both', ok)
          return app
        },
      },
    ])(
      'answers HEAD with 405, and Allow without HEAD, on a GET route without HEAD: $name',
      async ({ app }) => {
        await answers(await app(), [
          { request: { method: 'HEAD', path: '/page' }, status: 405, allow: 'GET, OPTIONS' },
          { request: { method: 'DELETE', path: '/page' }, status: 405, allow: 'GET, OPTIONS' },
          { request: { method: 'DELETE', path: '/both' }, status: 405, allow: 'GET, HEAD, OPTIONS' },
          { request: { method: 'HEAD', path: '/both' }, status: 200, allow: null },
        ])
      },
    )

    /** Serves the app and records the methods each request asks the router for. */
    async function lookupsOf(app: FastifyInstance) {
      const port = await serve(app)
      const asked: string[] = []
      const findRoute = app.findRoute.bind(app)
      vi.spyOn(app, 'findRoute').mockImplementation((options) => {
        asked.push(options.method)
        return findRoute(options)
      })
      return async (request: RawRequest, status: number, allow: string | null) => {
        asked.length = 0
        const response = await sendRaw(port, request)
        expect([response.status, response.headers.get('allow')?.join(', ') ?? null]).toEqual([status, allow])
        return [...asked]
      }
    }

    it('asks the router for HEAD only when GET did not match the path', async () => {
      const app = await appWithPlugin(major)
      // A HEAD route before the GET one: the lookups still ask GET first.
      app.head('/probe', ok)
      app.get('/page', ok)
      const ask = await lookupsOf(app)
      expect(await ask({ method: 'DELETE', path: '/page' }, 405, 'GET, HEAD, OPTIONS')).toEqual(['GET'])
      expect(await ask({ method: 'DELETE', path: '/probe' }, 405, 'HEAD, OPTIONS')).toEqual(['GET', 'HEAD'])
      expect(await ask({ method: 'DELETE', path: '/nope' }, 404, null)).toEqual(['GET', 'HEAD'])
    })

    it.each<{ name: string; routes: (app: FastifyInstance) => void }>([
      { name: 'Fastify adds them for GET routes', routes: (app) => app.get('/page', ok) },
      {
        name: 'a route takes GET and HEAD',
        routes: (app) => app.route({ method: ['HEAD', 'GET'], url: '/page', handler: ok }),
      },
      {
        name: 'a prefixed child plugin has a "/" route, registered with and without the slash',
        routes: (app) => {
          app.register(
            async (child) => {
              child.get('/', ok)
              child.get('/page', ok)
            },
            { prefix: '/api' },
          )
        },
      },
    ])(
      'does not ask the router for HEAD when every HEAD route is a GET route’s: $name',
      async ({ routes }) => {
        const app = await appWithPlugin(major)
        routes(app)
        const ask = await lookupsOf(app)
        expect(await ask({ method: 'DELETE', path: '/nope' }, 404, null)).toEqual(['GET'])
      },
    )

    /** GET /probe under `constraints` (no HEAD twin), and an unconstrained HEAD /probe. */
    async function constrainedGetWithHead(constraints: { host: string } | { version: string }) {
      const app = await appWithPlugin(major)
      app.get('/probe', { exposeHeadRoute: false, constraints }, ok)
      app.head('/probe', ok)
      return app
    }

    // Each app has a HEAD route on /probe that no GET route of the request matches: a GET miss
    // must still ask HEAD, or the 405 becomes a 404.
    it.each<{ name: string; app: () => Promise<FastifyInstance> }>([
      {
        name: 'a HEAD route of its own URL',
        app: async () => {
          const app = await appWithPlugin(major)
          app.get('/page', ok)
          app.head('/probe', ok)
          return app
        },
      },
      {
        name: 'a HEAD route added before the plugin ran, never shown to its hook',
        app: async () => {
          const app = major.fastify()
          const registered = app.register(statusErrors)
          app.head('/probe', ok)
          app.register(async (child) => child.get('/page', ok))
          await registered
          return app
        },
      },
      {
        name: 'a host-constrained GET route and an unconstrained HEAD route of one URL',
        app: () => constrainedGetWithHead({ host: 'example.com' }),
      },
      {
        name: 'a version-constrained GET route and an unconstrained HEAD route of one URL',
        app: () => constrainedGetWithHead({ version: '1.0.0' }),
      },
    ])('asks the router for HEAD after a GET miss: $name', async ({ app }) => {
      const ask = await lookupsOf(await app())
      expect(await ask({ method: 'DELETE', path: '/probe' }, 405, 'HEAD, OPTIONS')).toEqual(['GET', 'HEAD'])
    })
  })
})
