import { httpError } from '@status-errors/core'

/** One value of each kind status-errors recognises, built once: classification is measured, not construction. */
export const THROWN_VALUES: readonly { readonly kind: string; readonly value: unknown }[] = [
  { kind: "httpError(404, 'detail')", value: httpError(404, 'No user with this id.') },
  {
    kind: 'httpError(401) with WWW-Authenticate',
    value: httpError(401, undefined, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }),
  },
  { kind: 'new Error()', value: new Error() },
  {
    kind: 'http-errors style (status, expose)',
    value: Object.assign(new Error('Gone'), { status: 410, expose: true }),
  },
  {
    kind: 'Boom style (isBoom, output)',
    value: Object.assign(new Error('Unavailable'), {
      isBoom: true,
      output: { statusCode: 503, headers: { 'Retry-After': '5' } },
    }),
  },
  {
    kind: 'body-parser JSON failure',
    value: Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }),
  },
  {
    kind: 'Fastify validation (FST_ERR_VALIDATION)',
    value: Object.assign(new Error('body/name must be string'), {
      code: 'FST_ERR_VALIDATION',
      statusCode: 400,
    }),
  },
  { kind: 'URIError', value: new URIError('URI malformed') },
  { kind: "throw 'string'", value: 'boom' },
  { kind: 'throw null', value: null },
  {
    kind: 'Proxy whose every read throws',
    value: new Proxy(
      {},
      {
        get() {
          throw new Error('hostile')
        },
      },
    ),
  },
]
