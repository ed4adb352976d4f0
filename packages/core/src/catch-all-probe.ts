/**
 * A path no real resource has. A route that matches it is a root catch-all (`OPTIONS *` from CORS
 * plugins, an SPA `get('*')`, `/{*splat}`): adapters leave such routes out of the methods for a
 * path, or every unknown path would turn into a 405.
 */
export const CATCH_ALL_PROBE_PATH = '/__status-errors__/catch-all-probe/a/b/c/d/e'
