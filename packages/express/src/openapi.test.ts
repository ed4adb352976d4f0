import { afterEach, describe, expect, it, vi } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { collectWarnings } from '../../../test/support/warnings.js'
import { openApi, statusErrors } from './index.js'

function documentedPaths(app: unknown): string[] {
  return Object.keys(openApi(app as never).document.paths ?? {}).sort()
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
    app.get('/health', (_req, res) => void res.json({}))
    app.use(statusErrors())
    const warnings = collectWarnings()
    const paths = documentedPaths(app)
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

  it('leaves out a router whose mount path it cannot read, and says so once, with the fix', () => {
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
    app.get('/health', (_req, res) => void res.json({}))
    app.use(statusErrors())
    const warnings = collectWarnings()
    const paths = documentedPaths(app)
    documentedPaths(app)
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
