import type { Lifecycle } from '@status-errors/core/adapter'
import type { Context } from 'koa'

/**
 * `success: 'documented'`, applied when the route is done and before Koa writes: core decides from
 * the status, whether the route set it, and the body. A 204 gets a null body, so Koa sends no
 * content headers (RFC 9110 §15.3.5).
 */
export function applyDocumentedSuccess(lifecycle: Lifecycle<Context>, ctx: Context): void {
  const status = ctx.status
  const documented = lifecycle.successStatus(ctx, ctx.method, {
    status,
    explicit: hasExplicitStatus(ctx.response),
    body: ctx.body,
  })
  if (documented === status) return
  ctx.status = documented
  if (documented === 204) ctx.body = null
}

/*
 * Whether a route set the response status itself (an explicit status always wins). Koa cannot tell: its body setter assigns 200 (or 204 for a null body) through the
 * same status setter, which marks `_explicitStatus` either way. So the status setter of the app's
 * response prototype is wrapped, once per app, to flag assignments that do not come from inside the
 * body setter. Nothing is wrapped unless an app uses `success: 'documented'`, and nothing is
 * allocated per request.
 */

const EXPLICIT_STATUS = Symbol('status-errors: status set explicitly')

/** Response prototypes (one per Koa app) whose setters are wrapped; `false` when they cannot be. */
const tracked = new WeakMap<object, boolean>()

/** Starts tracking on the response's prototype; `false` when the response is not Koa-shaped. */
export function trackExplicitStatus(response: object): boolean {
  const prototype: unknown = Reflect.getPrototypeOf(response)
  if (typeof prototype !== 'object' || prototype === null) return false
  let known = tracked.get(prototype)
  if (known === undefined) {
    known = wrapSetters(prototype)
    tracked.set(prototype, known)
  }
  return known
}

/** Whether the status was set by the app rather than by Koa (default 404, body setter's 200/204). */
function hasExplicitStatus(response: object): boolean {
  return Reflect.get(response, EXPLICIT_STATUS) === true
}

interface Accessor {
  readonly get: () => unknown
  readonly set: (value: unknown) => void
}

function wrapSetters(prototype: object): boolean {
  const status = findAccessor(prototype, 'status')
  const body = findAccessor(prototype, 'body')
  if (status === undefined || body === undefined) return false
  Object.defineProperty(prototype, 'status', {
    configurable: true,
    enumerable: true,
    get: status.get,
    set(this: object, code: unknown) {
      Reflect.set(this, EXPLICIT_STATUS, true)
      Reflect.apply(status.set, this, [code])
    },
  })
  Object.defineProperty(prototype, 'body', {
    configurable: true,
    enumerable: true,
    get: body.get,
    set(this: object, value: unknown) {
      const before: unknown = Reflect.get(this, EXPLICIT_STATUS)
      try {
        Reflect.apply(body.set, this, [value])
      } finally {
        // Koa 3 copies the status of a fetch `Response` body: that one is the app's choice.
        if (!isFetchResponse(value)) Reflect.set(this, EXPLICIT_STATUS, before)
      }
    },
  })
  return true
}

/** The accessor as Koa defines it, on the prototype or further up its chain. */
function findAccessor(start: object, name: string): Accessor | undefined {
  for (let object: object | null = start; object !== null; object = Reflect.getPrototypeOf(object)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, name)
    if (descriptor === undefined) continue
    const { get, set } = descriptor
    return typeof get === 'function' && typeof set === 'function' ? { get, set } : undefined
  }
  return undefined
}

function isFetchResponse(value: unknown): boolean {
  return typeof Response === 'function' && value instanceof Response
}
