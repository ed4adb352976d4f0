import { connect } from 'node:net'

/**
 * Writes each part to one socket, `pauseMs` apart, and resolves with everything the server sent
 * until the connection ended, however it ended (FIN or RST). Shows second responses and bytes
 * after a response, which an HTTP client would hide.
 */
export function converse(port: number, parts: readonly string[], pauseMs = 0): Promise<string> {
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

/** Writes raw request bytes and returns everything the server sent before the connection ended. */
export function readWholeConnection(port: number, wire: string): Promise<string> {
  return converse(port, [wire])
}

/** A GET request line and headers; `close` asks the server to close after answering. */
export function rawGet(path: string, close: boolean): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1${close ? '\r\nConnection: close' : ''}\r\n\r\n`
}

/** A GET that closes the connection after the response. */
export function getRequest(path: string): string {
  return rawGet(path, true)
}
