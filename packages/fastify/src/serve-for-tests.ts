import type { FastifyInstance } from 'fastify'
import { afterEach } from 'vitest'
import type { RunningApp } from '../../../test/conformance/harness.js'
import { listen } from '../../../test/conformance/harnesses/fastify.js'

const running: RunningApp[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()))
})

/** Starts an app for one test; it is closed after the test. Test-only: not part of the package. */
export async function serve(app: FastifyInstance): Promise<number> {
  const started = await listen(app)
  running.push(started)
  return started.port
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
