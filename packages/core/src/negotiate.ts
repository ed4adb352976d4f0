import Negotiator from 'negotiator'
import { memoizeAcceptDecision } from './accept-memo.js'
import { FORMATS, type Format } from './render/formats.js'

const [JSON_FORMAT] = FORMATS
const MEDIA_TYPES = FORMATS.map((format) => format.mediaType)
const BY_MEDIA_TYPE = new Map<string, Format>(FORMATS.map((format) => [format.mediaType, format]))

const pick = memoizeAcceptDecision((accept): Format => {
  const best = new Negotiator({ headers: { accept } }).mediaType(MEDIA_TYPES)
  return (best === undefined ? undefined : BY_MEDIA_TYPE.get(best)) ?? JSON_FORMAT
})

/**
 * Picks the body format for an Accept header. Without an Accept header, for `*\/*`, or when the
 * client accepts none of the formats, the answer is JSON: an error response never becomes a 406
 * (RFC 9110 §12.1 lets the server disregard Accept; RFC 9457 §3 does the same for problem bodies).
 */
export function negotiateFormat(accept: string | undefined): Format {
  if (accept === undefined || accept === '' || accept === '*/*' || accept === 'application/json')
    return JSON_FORMAT
  return pick(accept)
}
