import type { Context } from 'koa'

/**
 * The `URIError` of a path whose percent-encoding is malformed (`/users/%E0%A4%A`), or `undefined`.
 * @koa/router decodes params "safely", handing the raw text to the route, so the check is made
 * before routing; core answers a URIError with 400 and a fixed sentence (RFC 3986 §2.1, RFC 9110
 * §15.5.1). Only a URL that contains '%' is decoded.
 */
export function malformedPathError(ctx: Context): unknown {
  const url = ctx.req.url
  if (url === undefined || !url.includes('%')) return undefined
  try {
    decodeURIComponent(ctx.path)
    return undefined
  } catch (error) {
    return error
  }
}
