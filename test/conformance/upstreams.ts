import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Real upstreams for the 502/504 cases, started once per test process on 127.0.0.1: one that
 * never answers, one that answers 401 to everything, and a port nothing listens on. Their
 * sockets are unref'd, so they never keep the process alive.
 */
let started: Promise<{ hanging: string; unauthorized: string; refused: string }> | undefined

export function upstreamUrls(): Promise<{ hanging: string; unauthorized: string; refused: string }> {
  started ??= start()
  return started
}

async function start() {
  const hanging = await listen(createServer(() => undefined))
  const unauthorized = await listen(
    createServer((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="upstream"' }).end('no')
    }),
  )
  const closed = createServer()
  const refused = await listen(closed)
  await new Promise((resolve) => closed.close(resolve))
  return { hanging, unauthorized, refused }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  server.on('connection', (socket) => socket.unref())
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}
