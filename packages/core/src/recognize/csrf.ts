import { readString } from '../read-property.js'

/** csurf rejects a missing or wrong token with `code: 'EBADCSRFTOKEN'`: 403 (RFC 9110 §15.5.4). */
export function csrfStatus(error: object): 403 | undefined {
  return readString(error, 'code') === 'EBADCSRFTOKEN' ? 403 : undefined
}
