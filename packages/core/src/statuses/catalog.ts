import { StatusErrorsConfigError } from '../errors.js'
import { DOCUMENTED_STATUSES } from './documented.js'
import { reasonPhrase } from './reason-phrases.js'

/** One row of the status table. */
export interface StatusEntry {
  readonly status: number
  /** The reason phrase ("Not Found"), used as `title` in every body. */
  readonly title: string
  /** The documented sentence for this code. */
  readonly description: string
  /** `normal` for 1xx-3xx rows, `abnormal` for 4xx and 5xx rows, as the spec groups them. */
  readonly kind: 'normal' | 'abnormal'
}

/** A row to add to the table, or a replacement for a documented row's wording. */
export interface StatusDefinition {
  readonly title?: string
  readonly description: string
}

/** The table of statuses the API documents; what status-errors may answer with. */
export interface Catalog {
  get(status: number): StatusEntry | undefined
  has(status: number): boolean
  entries(): readonly StatusEntry[]
}

/**
 * Builds the catalog from the documented table plus the user's additions and overrides.
 * Bad input throws a `StatusErrorsConfigError` here, at startup.
 *
 * @example
 * createCatalog({ 429: { description: 'Slow down: you sent too many requests.' } })
 */
export function createCatalog(definitions: Readonly<Record<number, StatusDefinition>> = {}): Catalog {
  const table = new Map<number, StatusEntry>()
  for (const row of DOCUMENTED_STATUSES) table.set(row.status, { ...row, kind: kindOf(row.status) })
  for (const [key, definition] of Object.entries(definitions)) {
    const status = Number(key)
    table.set(status, defineEntry(status, definition, table.get(status)))
  }
  const sorted = Object.freeze([...table.values()].sort((a, b) => a.status - b.status))
  return {
    get: (status) => table.get(status),
    has: (status) => table.has(status),
    entries: () => sorted,
  }
}

function defineEntry(status: number, definition: unknown, existing: StatusEntry | undefined): StatusEntry {
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw invalidStatus(`status ${String(status)} is outside 100-599`)
  }
  if (typeof definition !== 'object' || definition === null) {
    throw invalidStatus(`status ${status} needs an object with a description`)
  }
  const { title, description } = definition as Partial<StatusDefinition>
  if (!isDisplayText(description)) {
    throw invalidStatus(`status ${status} needs a non-empty description without control characters`)
  }
  if (title !== undefined && !isDisplayText(title)) {
    throw invalidStatus(`status ${status} has an empty title or one with control characters`)
  }
  return Object.freeze({
    status,
    title: title ?? existing?.title ?? reasonPhrase(status),
    description,
    kind: kindOf(status),
  })
}

function kindOf(status: number): StatusEntry['kind'] {
  return status < 400 ? 'normal' : 'abnormal'
}

// Titles and descriptions end up in text bodies and HTML pages: keep them single-line text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to reject control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

function isDisplayText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !CONTROL_CHARACTERS.test(value)
}

function invalidStatus(message: string): StatusErrorsConfigError {
  return new StatusErrorsConfigError('ERR_STATUS_ERRORS_INVALID_STATUS', message)
}
