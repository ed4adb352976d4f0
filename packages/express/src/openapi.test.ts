import { describe, expect, it } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { openApi, statusErrors } from './index.js'

describe.each(expressMajors)('$name: openApi', (major) => {
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
    const paths = Object.keys(openApi(app as never).document.paths ?? {})
    expect(paths.sort()).toEqual(['/api/users', '/health', '/v1.0/items/{id}'])
  })
})
