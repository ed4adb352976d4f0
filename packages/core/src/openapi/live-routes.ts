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
  return converted === '' ? '/' : converted
}
