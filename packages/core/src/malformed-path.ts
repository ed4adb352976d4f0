/**
 * The `URIError` of a path whose percent-encoding is malformed (`/users/%E0%A4%A`, `/%zz`), or
 * `undefined`. Core answers it with 400 and a fixed sentence (RFC 3986 §2.1, RFC 9110 §15.5.1),
 * whether or not a route matched: routers that decode "safely" would otherwise hand the raw text
 * to a route, and unmatched paths would answer 404 on some frameworks and 400 on others. Only a
 * path that contains '%' is decoded.
 */
export function malformedPathError(path: string): unknown {
  if (!path.includes('%')) return undefined
  try {
    decodeURIComponent(path)
    return undefined
  } catch (error) {
    return error
  }
}
