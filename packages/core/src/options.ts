import { invalidOption } from './errors.js'
import { type Catalog, createCatalog, type StatusDefinition } from './statuses/catalog.js'

/** What `onError` learns about the error response it is called for. */
export interface ErrorInfo {
  readonly status: number
  readonly method: string
  readonly path: string
}

/** The options every adapter takes, with the same names and meaning on Express, Koa and Fastify. */
export interface StatusErrorsOptions {
  /** Adds rows to the status table or rewords documented ones, e.g. `{ 429: { description: '…' } }`. */
  readonly statuses?: Readonly<Record<number, StatusDefinition>>
  /**
   * What to do with an error status the table does not list (413, 415, 422 …).
   * `'collapse'` (default) answers 400 for 4xx and 500 for 5xx, so the API never answers with an
   * undocumented code; `'passthrough'` keeps any 400-599 status.
   */
  readonly undocumented?: 'collapse' | 'passthrough'
  /** Adds the stack trace to bodies. Default `false`; `NODE_ENV` changes nothing. */
  readonly debug?: boolean
  /** `false` answers 404 instead of 405 (and instead of the OPTIONS answer), hiding which methods exist. Default `true`. */
  readonly methodNotAllowed?: boolean
  /** RFC 9457 `type` URI for a status in `application/problem+json` bodies. Default `about:blank`. */
  readonly problemType?: (status: number) => string
  /** Called once per error response; replaces the default logging of 5xx responses. */
  readonly onError?: (error: unknown, info: ErrorInfo) => void
}

export interface ResolvedOptions {
  readonly catalog: Catalog
  readonly undocumented: 'collapse' | 'passthrough'
  readonly debug: boolean
  readonly methodNotAllowed: boolean
  readonly problemType: (status: number) => string
  readonly onError: ((error: unknown, info: ErrorInfo) => void) | undefined
}

const KNOWN_OPTIONS = new Set([
  'statuses',
  'undocumented',
  'debug',
  'methodNotAllowed',
  'problemType',
  'onError',
])

const aboutBlank = (): string => 'about:blank'

/** Validates options once, at startup; a mistake throws `StatusErrorsConfigError`. */
export function resolveOptions(options: StatusErrorsOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw invalidOption('options must be an object')
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw invalidOption(`unknown option "${key}"`)
  }
  const {
    statuses,
    undocumented = 'collapse',
    debug = false,
    methodNotAllowed = true,
    problemType,
    onError,
  } = options
  if (statuses !== undefined && (typeof statuses !== 'object' || statuses === null)) {
    throw invalidOption('"statuses" must be an object keyed by status code')
  }
  if (undocumented !== 'collapse' && undocumented !== 'passthrough') {
    throw invalidOption('"undocumented" must be "collapse" or "passthrough"')
  }
  expectBoolean('debug', debug)
  expectBoolean('methodNotAllowed', methodNotAllowed)
  expectOptionalFunction('problemType', problemType)
  expectOptionalFunction('onError', onError)
  return {
    catalog: createCatalog(statuses),
    undocumented,
    debug,
    methodNotAllowed,
    problemType: problemType ?? aboutBlank,
    onError,
  }
}

function expectBoolean(name: string, value: unknown): void {
  if (typeof value !== 'boolean') throw invalidOption(`"${name}" must be a boolean`)
}

function expectOptionalFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw invalidOption(`"${name}" must be a function`)
}
