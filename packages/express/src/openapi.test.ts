import type { StatusErrorsConfigError } from '@status-errors/core'
import type { Express } from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import { collectWarnings } from '../../../test/support/warnings.js'
import { openApi, statusErrors } from './index.js'

/**
 * Finishes the app as users do (a route, then status-errors) and reads its document twice, as an
 * `/openapi.json` route would: a warning must come once per app, not per call.
 */
function documentTwice(app: Express): { paths: string[]; warnings: StatusErrorsConfigError[] } {
  app.get('/health', (_req, res) => void res.json({}))
  app.use(statusErrors())
  const warnings = collectWarnings()
  const paths = Object.keys(openApi(app).document.paths ?? {}).sort()
  openApi(app)
  return { paths, warnings }
}

describe.each(expressMajors)('$name: openApi', (major) => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('reads the mount paths of routers, dotted or with a trailing slash', () => {
    const app = major.express()
    const v1 = major.express.Router()
    v1.get('/items/:id', (_req, res) => void res.json({}))
    const api = major.express.Router()
    api.post('/users', (_req, res) => void res.json({}))
    app.use('/v1.0', v1)
    app.use('/api/', api)
    const { paths, warnings } = documentTwice(app)
    if (major.mountPaths === 'none') {
      expect(paths).toEqual(['/health'])
      expect(warnings.map((warning) => warning.message)).toEqual([
        expect.stringContaining('left out the routes of 2 mounted router(s)'),
      ])
    } else {
      expect(paths).toEqual(['/api/users', '/health', '/v1.0/items/{id}'])
      expect(warnings).toEqual([])
    }
  })

  it('reads routers mounted at the root, and at a list of paths where the router keeps the list', () => {
    const app = major.express()
    const implicitRoot = major.express.Router()
    implicitRoot.get('/root-items', (_req, res) => void res.json([]))
    const explicitRoot = major.express.Router()
    explicitRoot.get('/slash-items', (_req, res) => void res.json([]))
    const listed = major.express.Router()
    listed.get('/items', (_req, res) => void res.json([]))
    app.use(implicitRoot)
    app.use('/', explicitRoot)
    app.use(['/a', '/b'], listed)
    const { paths, warnings } = documentTwice(app)
    const rootPaths = ['/health', '/root-items', '/slash-items']
    if (major.mountPaths === 'all') {
      expect(paths).toEqual(['/a/items', '/b/items', ...rootPaths])
      expect(warnings).toEqual([])
      return
    }
    // Express 4 folds a list into one RegExp; router 2.0-2.2 reads back only the root.
    expect(paths).toEqual(rootPaths)
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('left out the routes of 1 mounted router(s)'),
    ])
  })

  it('stops at a router mounted inside itself, in the document and in a 404', async () => {
    const app = major.express()
    const api = major.express.Router()
    api.get('/items', (_req, res) => void res.json([]))
    api.use('/loop', api)
    app.use('/api', api)
    const { paths } = documentTwice(app)
    if (major.mountPaths === 'none') expect(paths).toEqual(['/health'])
    else {
      expect(paths).toContain('/api/items')
      expect(paths).toContain('/api/loop/loop/items')
      // One path per level of nesting, up to the limit: the walk ends.
      expect(paths.length).toBeLessThan(40)
    }
    const response = await sendRaw(await serve(app), { method: 'GET', path: '/nope' })
    expect(response.status).toBe(404)
  })

  it('leaves out a router whose mount path it cannot read, and says so once per app, with the fix', () => {
    const app = major.express()
    const posts = major.express.Router({ mergeParams: true })
    posts.get('/posts', (_req, res) => void res.json([]))
    // Middleware only: it routes nothing, so nothing is left out.
    const tagged = major.express.Router()
    tagged.use((_req, res, next) => {
      res.setHeader('x-tag', 'yes')
      next()
    })
    app.use('/users/:id', posts)
    app.use('/tags/:tag', tagged)
    const { paths, warnings } = documentTwice(app)
    if (major.mountPaths === 'all') {
      expect(paths).toEqual(['/health', '/users/{id}/posts'])
      expect(warnings).toEqual([])
      return
    }
    expect(paths).toEqual(['/health'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.code).toBe('ERR_STATUS_ERRORS_UNREADABLE_ROUTES')
    expect(warnings[0]?.message).toContain('left out the routes of 1 mounted router(s)')
    expect(warnings[0]?.message).toContain('npm update router')
  })
})
