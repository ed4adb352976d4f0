import { DOCUMENTED_STATUSES } from '@status-errors/core'

/** The exact JSON body the spec promises for a documented status, optionally with a detail. */
export function jsonBody(status: number, detail?: string): string {
  const row = DOCUMENTED_STATUSES.find((entry) => entry.status === status)
  if (row === undefined) throw new Error(`status ${status} is not documented`)
  const members = [`"status":${status}`, `"title":"${row.title}"`, `"description":"${row.description}"`]
  if (detail !== undefined) members.push(`"detail":${JSON.stringify(detail)}`)
  return `{${members.join(',')}}`
}
