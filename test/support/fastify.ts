import { listen } from '../conformance/harnesses/fastify.js'
import { closeAfterTest } from './running-apps.js'

/** Starts a Fastify app for one test; it is closed after the test. */
export async function serve(app: Parameters<typeof listen>[0]): Promise<number> {
  return closeAfterTest(await listen(app))
}

/** The JSON log lines a Fastify logger wrote, parsed, for `logger: { stream }`. */
export interface LogRecord {
  readonly level: number
  readonly msg?: string
  readonly err?: { readonly message?: string }
}

/** A writable for Fastify's `logger.stream` that keeps every record. */
export function logCollector(): {
  readonly records: LogRecord[]
  readonly stream: { write(line: string): void }
} {
  const records: LogRecord[] = []
  return { records, stream: { write: (line) => void records.push(JSON.parse(line) as LogRecord) } }
}
