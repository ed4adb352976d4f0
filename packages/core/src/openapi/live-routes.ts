/** A route the running app serves, as an adapter reads it from its framework. */
export interface LiveRoute {
  /** Upper-case method. */
  readonly method: string
  /** The path in the framework's syntax (`/users/:id`, `/files/*`). */
  readonly path: string
  /** Statuses the route declares itself (a Fastify response schema), if any. */
  readonly declaredStatuses?: readonly number[]
}

/**
 * A framework path as an OpenAPI path template (OpenAPI 3.1 §4.8.8): `:id` → `{id}`, a trailing
 * wildcard (`*`, `{*rest}`, `*splat`) → `{wildcard}`; optional segments and regular expressions
 * are kept as they are. A route that takes every method (`all`) is listed once per method.
 */
export function toOpenApiPath(path: string): string {
  const converted = path
    .split('/')
    .map((segment) => {
      if (segment === '*' || /^\{?\*[A-Za-z0-9_]*\}?$/.test(segment)) return '{wildcard}'
      const param = /^:([A-Za-z0-9_]+)$/.exec(segment)
      return param === null ? segment : `{${param[1]}}`
    })
    .join('/')
  // OpenAPI 3.1 §4.8.8: every path starts with `/`; a trailing slash names the same resource.
  const rooted = converted.startsWith('/') ? converted : `/${converted}`
  return rooted.length > 1 && rooted.endsWith('/') ? rooted.slice(0, -1) : rooted
}

/**
 * Routes an OpenAPI document cannot describe as operations: a root catch-all (`*`, `/*`,
 * `/{*splat}`: a CORS preflight or an SPA fallback, which answers every path) and a path with
 * optional segments or patterns (`{/:id}`, `(.*)`), which is no single template.
 */
export function isDescribable(path: string): boolean {
  const template = toOpenApiPath(path)
  return template !== '/{wildcard}' && !/[()?{}]/.test(template.replace(/\{[A-Za-z0-9_]+\}/g, ''))
}
