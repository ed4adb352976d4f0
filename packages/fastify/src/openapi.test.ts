import type { OpenApiDocument } from '@status-errors/core'
import { describe, expect, it } from 'vitest'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { frameworkErrors, openApi, statusErrors } from './index.js'

/** A document that lists HEAD beside GET on two paths. */
const BASE: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Pages', version: '1.0.0' },
  paths: Object.fromEntries(
    ['/page', '/both'].map((path) => [
      path,
      {
        get: { responses: { 200: { description: 'The page.' } } },
        head: { responses: { 200: { description: 'The page, without its body.' } } },
      },
    ]),
  ),
}

const ok = async () => 'ok'

describe.each(fastifyMajors)('$name: openApi', (major) => {
  it('counts a documented HEAD as routed when Fastify added its HEAD route', async () => {
    const app = major.fastify({ frameworkErrors })
    await app.register(statusErrors)
    app.get('/page', ok)
    app.get('/both', ok)
    await app.ready()
    const { drift } = openApi(app, BASE)
    await app.close()
    expect(drift).toEqual({ unrouted: [], undocumented: [], unknownStatuses: [] })
  })

  it.each([
    { name: 'the server', server: { exposeHeadRoutes: false }, route: {} },
    { name: 'the route', server: {}, route: { exposeHeadRoute: false } },
  ])('reports a documented HEAD as unrouted when $name exposes no HEAD route', async ({ server, route }) => {
    const app = major.fastify({ frameworkErrors, ...server })
    await app.register(statusErrors)
    app.get('/page', route, ok)
    app.get('/both', route, ok)
    app.head('/both', ok)
    await app.ready()
    const { document, drift } = openApi(app, BASE)
    await app.close()
    expect(drift).toEqual({ unrouted: ['HEAD /page'], undocumented: [], unknownStatuses: [] })
    // The routed HEAD is completed with its error responses; the unrouted one is left as written.
    expect(document.paths?.['/both']?.head).toMatchObject({ responses: { 500: {} } })
    expect(document.paths?.['/page']?.head).toEqual(BASE.paths?.['/page']?.head)
  })
})
