/**
 * In-process A/B: two variants of one app in this process, each on its own port, driven over one
 * raw keep-alive socket each, one request at a time, in blocks that alternate A B, B A … Both
 * variants run on the same thread, with the same JIT and the same machine drift, so the ratio of
 * their block latencies isolates what one does beyond the other (a few microseconds), which the
 * fresh-pair throughput benchmark cannot resolve on a shared machine. It answers "what does this
 * path cost", never "how fast is the app": the throughput figures come from `pnpm bench`.
 *
 *   pnpm bench:ab --framework fastify --path /nope [--method GET] [--a status-errors]
 *                 [--b same-bytes] [--b-path P] [--b-method M] [--accept text/html]
 *                 [--blocks 200] [--per-block 500]
 *
 * With `--b-path` or `--b-method`, B is sent its own request: two answers of one app compared
 * (a 405 against the 404 of the same routes), so their bytes are not required to match.
 */
import { connect, type Socket } from 'node:net'
import { parseArgs } from 'node:util'
import type { RunningServer } from './servers/listen.js'
import { APP_KINDS, FRAMEWORKS } from './servers/spec.js'
import { startServer } from './servers/start.js'

interface Client {
  readonly socket: Socket
  readonly request: string
  /** Bytes of one whole answer: the same for every request of a block, Date has a fixed width. */
  readonly answerLength: number
  readonly head: string
}

const { values } = parseArgs({
  options: {
    framework: { type: 'string', default: 'fastify' },
    path: { type: 'string', default: '/nope' },
    method: { type: 'string', default: 'GET' },
    'b-path': { type: 'string' },
    'b-method': { type: 'string' },
    a: { type: 'string', default: 'status-errors' },
    b: { type: 'string', default: 'same-bytes' },
    accept: { type: 'string' },
    blocks: { type: 'string', default: '200' },
    'per-block': { type: 'string', default: '500' },
  },
  strict: true,
})

const framework = oneOf(FRAMEWORKS, values.framework, 'framework')
const kinds = [oneOf(APP_KINDS, values.a, 'a'), oneOf(APP_KINDS, values.b, 'b')] as const
const blocks = Number(values.blocks)
const perBlock = Number(values['per-block'])
const ownRequestForB = values['b-path'] !== undefined || values['b-method'] !== undefined
const requests = [
  rawRequest(values.method, values.path),
  rawRequest(values['b-method'] ?? values.method, values['b-path'] ?? values.path),
] as const

const servers: RunningServer[] = []
for (const kind of kinds) servers.push(await startServer(framework, kind))
const clients = await Promise.all(
  servers.map((server, index) => openClient(server.port, requests[index] ?? requests[0])),
)
const [first, second] = clients as [Client, Client]
if (ownRequestForB) {
  console.log(`  A answers ${statusLine(first.head)}, B answers ${statusLine(second.head)}`)
} else if (
  withoutDate(first.head) !== withoutDate(second.head) ||
  first.answerLength !== second.answerLength
) {
  throw new Error(`the variants answer differently:\n${first.head}\n\n${second.head}`)
}

for (const client of clients) await timeBlock(client, 5_000)
const latencies: [number[], number[]] = [[], []]
for (let block = 0; block < blocks; block++) {
  for (const index of block % 2 === 0 ? [0, 1] : [1, 0]) {
    latencies[index]?.push(await timeBlock(clients[index] as Client, perBlock))
  }
}
const ratios = latencies[0].map((latency, block) => latency / (latencies[1][block] ?? Number.NaN))
console.log(
  `${framework} ${values.method} ${values.path}` +
    `${ownRequestForB ? ` / ${values['b-method'] ?? values.method} ${values['b-path'] ?? values.path}` : ''}` +
    `${values.accept ? ` (Accept: ${values.accept})` : ''}`,
)
for (const [index, kind] of kinds.entries()) {
  console.log(`  ${kind}: median ${(median(latencies[index] ?? []) / 1000).toFixed(2)} µs per request`)
}
console.log(
  `  ${kinds[0]} / ${kinds[1]}: block ratio median ${median(ratios).toFixed(4)}, ` +
    `quartiles ${quantile(ratios, 0.25).toFixed(4)}-${quantile(ratios, 0.75).toFixed(4)}`,
)
for (const client of clients) client.socket.destroy()
await Promise.all(servers.map((server) => server.close()))

function rawRequest(method: string, path: string): string {
  if (!/^[A-Z]+$/.test(method)) throw new Error('--method and --b-method take a method name in capitals')
  return (
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    `${values.accept === undefined ? '' : `Accept: ${values.accept}\r\n`}\r\n`
  )
}

async function openClient(port: number, request: string): Promise<Client> {
  const socket = connect(port, '127.0.0.1')
  socket.setNoDelay(true)
  await new Promise((resolve) => socket.once('connect', resolve))
  const answer = await new Promise<Buffer>((resolve) => {
    socket.once('data', resolve)
    socket.write(request)
  })
  const text = answer.toString('latin1')
  return { socket, request, answerLength: answer.length, head: text.slice(0, text.indexOf('\r\n\r\n')) }
}

/** Sends `count` requests one after another; the mean nanoseconds per request. */
function timeBlock(client: Client, count: number): Promise<number> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint()
    let received = 0
    let answered = 0
    const onData = (chunk: Buffer): void => {
      received += chunk.length
      if (received < (answered + 1) * client.answerLength) return
      answered++
      if (answered < count) {
        client.socket.write(client.request)
        return
      }
      client.socket.off('data', onData)
      resolve(Number(process.hrtime.bigint() - start) / count)
    }
    client.socket.on('data', onData)
    client.socket.write(client.request)
  })
}

function statusLine(head: string): string {
  return head.slice(0, head.indexOf('\r\n'))
}

function withoutDate(head: string): string {
  return head.replace(/^date: .*$/im, '')
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

function oneOf<T extends string>(all: readonly T[], value: string, name: string): T {
  const found = all.find((item) => item === value)
  if (found === undefined) throw new Error(`--${name} takes ${all.join(', ')}`)
  return found
}
