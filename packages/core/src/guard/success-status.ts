/** What the route left behind when its response is about to start. */
export interface SuccessExchange {
  readonly method: string
  readonly status: number
  /** Whether the route set the status itself; an explicit status always wins. */
  readonly explicit: boolean
  readonly hasBody: boolean
}

/**
 * With `success: 'documented'`, the documented normal rows:
 * - POST that ends with the default 200 → 201 Created (RFC 9110 §9.3.3, §15.3.2);
 * - DELETE that ends with the default 200 and no body → 204 No Content (RFC 9110 §9.3.5, §15.3.5).
 * GET and PUT stay 200. Anything else is left as it is.
 */
export function documentedSuccessStatus({ method, status, explicit, hasBody }: SuccessExchange): number {
  if (explicit || status !== 200) return status
  if (method === 'POST') return 201
  if (method === 'DELETE' && !hasBody) return 204
  return status
}
