import { connect } from 'node:net'
import { afterEach } from 'vitest'
import type { RunningApp } from '../../../test/conformance/harness.js'
import { listen } from '../../../test/conformance/harnesses/express.js'

const running: RunningApp[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()))
})

/** Starts an app for one test; it is closed after the test. Test-only: not part of the package. */
export async function serve(app: Parameters<typeof listen>[0]): Promise<number> {
  const started = await listen(app)
  running.push(started)
  return started.port
}

/**
 * Writes each part to one socket, `pauseMs` apart, and resolves with everything the server sent
 * until the connection ended, however it ended.
 */
export function converse(port: number, parts: readonly string[], pauseMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timers = parts.map((part, index) =>
      setTimeout(() => {
        if (!socket.destroyed) socket.write(part)
      }, index * pauseMs),
    )
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', () => {
      for (const timer of timers) clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('latin1'))
    })
  })
}

/** A GET request line and headers; `close` asks the server to close after answering. */
export function rawGet(path: string, close: boolean): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1${close ? '\r\nConnection: close' : ''}\r\n\r\n`
}
