import { connect } from 'node:net'

/**
 * Writes raw request bytes and returns everything the server sent before the connection ended,
 * however it ended (FIN or RST). Test-only: shows second responses and bytes after a response.
 */
export function readWholeConnection(port: number, wire: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.write(wire)
  })
}

/** A GET that closes the connection after the response. */
export function getRequest(path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`
}
