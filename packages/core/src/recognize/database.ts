import { readProperty, readString } from '../read-property.js'

/**
 * Database and ORM errors recognised by their properties, without importing any driver.
 * Their messages and fields carry SQL, bound parameters, key values and constraint names, so they
 * never provide a detail (RFC 9457 §5).
 */
export function databaseStatus(error: object): 404 | 409 | 503 | undefined {
  const code = readProperty(error, 'code')
  const name = readString(error, 'name') ?? ''
  if (isUniqueViolation(error, code, name) || CONFLICT_NAMES.has(name)) return 409
  if (NOT_FOUND_NAMES.has(name) || (name === 'PrismaClientKnownRequestError' && code === 'P2025')) return 404
  if (UNAVAILABLE_NAMES.has(name)) return 503
  return undefined
}

/** ORM errors that mean "the row changed under you" or "it already exists": 409 (RFC 9110 §15.5.10). */
const CONFLICT_NAMES = new Set([
  'SequelizeUniqueConstraintError',
  'SequelizeOptimisticLockError',
  'VersionError', // Mongoose optimistic concurrency
  'ParallelSaveError', // Mongoose
  'OptimisticLockVersionMismatchError', // TypeORM
])

/** ORM errors for a lookup that found nothing: 404. */
const NOT_FOUND_NAMES = new Set([
  'EntityNotFoundError', // TypeORM findOneOrFail
  'SequelizeEmptyResultError', // Sequelize rejectOnEmpty
  'DocumentNotFoundError', // Mongoose orFail
])

/** The database cannot be reached: 503, the service is temporarily unavailable. */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'SequelizeConnectionError',
  'SequelizeConnectionRefusedError',
  'SequelizeConnectionAcquireTimeoutError',
  'SequelizeHostNotReachableError',
  'PrismaClientInitializationError',
])

function isUniqueViolation(error: object, code: unknown, name: string): boolean {
  // PostgreSQL SQLSTATE unique_violation: pg, postgres.js, and TypeORM/Drizzle wrappers that copy it.
  if (code === '23505') return true
  // MySQL / MariaDB: ER_DUP_ENTRY (1062), ER_DUP_ENTRY_WITH_KEY_NAME (1586).
  if (code === 'ER_DUP_ENTRY' || code === 'ER_DUP_ENTRY_WITH_KEY_NAME') return true
  const errno = readProperty(error, 'errno')
  if ((errno === 1062 || errno === 1586) && readProperty(error, 'sqlState') !== undefined) return true
  // SQLite: better-sqlite3 has extended codes; node-sqlite3 only the primary code and the message.
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true
  if (code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(readString(error, 'message') ?? ''))
    return true
  // Prisma unique constraint.
  if (name === 'PrismaClientKnownRequestError' && code === 'P2002') return true
  return isMongoDuplicateKey(error, code, name)
}

/** MongoDB E11000 duplicate key. `code` can be a BSON Int32 (promoteValues: false), hence Number(). */
function isMongoDuplicateKey(error: object, code: unknown, name: string): boolean {
  if (code === undefined || code === null) return false
  let numeric: number
  try {
    numeric = Number(code)
  } catch {
    return false
  }
  if (numeric !== 11000 && numeric !== 11001) return false
  return name.startsWith('Mongo') || readProperty(error, 'codeName') === 'DuplicateKey'
}
