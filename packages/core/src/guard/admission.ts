import Negotiator from 'negotiator'
import { memoizeAcceptDecision } from '../accept-memo.js'
import type { ResolvedGuardOptions } from './guard-options.js'

/** Why a request is refused before its route runs. */
export type Refusal = { readonly status: 503 } | { readonly status: 406; readonly detail: string }

/** Something that says when a response is over: Node's `ServerResponse` ('close' fires once, always). */
export interface ResponseLifecycle {
  once(event: 'close', listener: () => void): unknown
}

const UNAVAILABLE: Refusal = { status: 503 }

const always = (): boolean => true

/**
 * Decides, before the route, whether a request is refused:
 * - maintenance → 503 (RFC 9110 §15.6.4), Retry-After comes with every 503;
 * - more than `maxInFlight` requests running → 503 (load shedding);
 * - an Accept header that admits none of `produces` → 406 listing what is available
 *   (RFC 9110 §15.5.7 SHOULD list the available representations; §12.4.1 lets the server honour Accept).
 */
export function createAdmission(options: ResolvedGuardOptions) {
  const { maintenance, maxInFlight, produces } = options
  const notAcceptable: Refusal | undefined =
    produces === undefined
      ? undefined
      : { status: 406, detail: `Available media types: ${produces.join(', ')}.` }
  // A header cut to the read limit is admitted: honouring Accept is optional (RFC 9110 §12.4.1),
  // and what was not read might have admitted one of the types.
  const admitsAny = memoizeAcceptDecision(
    (accept, complete) =>
      !complete || new Negotiator({ headers: { accept } }).mediaTypes(produces as string[]).length > 0,
  )
  let inFlight = 0
  const release = (): void => {
    inFlight--
  }

  return {
    /**
     * `undefined` admits the request; the lifecycle is needed only to count requests in flight.
     * `routed` says whether a route will serve the request; it is asked only for a 406, which
     * applies to nothing else: 404, 405, 501 and OPTIONS are answered in the client's format.
     */
    check(
      accept: string | undefined,
      lifecycle: ResponseLifecycle | undefined,
      routed: () => boolean = always,
    ): Refusal | undefined {
      if (maintenance?.()) return UNAVAILABLE
      if (
        notAcceptable !== undefined &&
        accept !== undefined &&
        accept !== '' &&
        !admitsAny(accept) &&
        routed()
      ) {
        return notAcceptable
      }
      if (maxInFlight !== undefined && lifecycle !== undefined) {
        if (inFlight >= maxInFlight) return UNAVAILABLE
        inFlight++
        lifecycle.once('close', release)
      }
      return undefined
    },
  }
}
