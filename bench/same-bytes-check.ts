import { request as httpRequest } from 'node:http'
import type { RequestSpec } from './load.js'

/** Headers that describe the connection or the moment, not the answer. */
const IGNORED = new Set(['date', 'connection', 'keep-alive'])

/**
 * One answer as it went over the wire: the status line, the header lines in order (names
 * lower-cased, without Date and the connection headers) and the body.
 */
export async function wireAnswer(port: number, spec: RequestSpec): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: spec.method, path: spec.path, headers: { ...spec.headers } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const lines = [`${response.statusCode} ${response.statusMessage}`]
          const raw = response.rawHeaders
          for (let index = 0; index < raw.length; index += 2) {
            const name = (raw[index] ?? '').toLowerCase()
            if (!IGNORED.has(name)) lines.push(`${name}: ${raw[index + 1] ?? ''}`)
          }
          resolve(`${lines.join('\n')}\n\n${Buffer.concat(chunks).toString('latin1')}`)
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end()
  })
}

/** Throws, showing both answers, unless the two are the same bytes. */
export function assertSameBytes(name: string, a: string, b: string): void {
  if (a === b) return
  throw new Error(
    `${name}: the floor does not write status-errors' bytes\n--- status-errors\n${a}\n--- floor\n${b}`,
  )
}
