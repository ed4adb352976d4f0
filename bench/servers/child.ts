/**
 * Entry of a server process: starts the variant named in the environment, reports its port, and
 * answers the runner's requests for CPU time and memory. Exits when told to or when the runner goes.
 */
import { isRunnerMessage, type ProcessSample, type ServerMessage } from './protocol.js'
import { parseSpec, SPEC_ENV } from './spec.js'
import { startServer } from './start.js'

function sample(gc: boolean): ProcessSample {
  if (gc && globalThis.gc !== undefined) {
    globalThis.gc()
    globalThis.gc()
  }
  const { user, system } = process.cpuUsage()
  const { rss, heapUsed } = process.memoryUsage()
  return { cpuMicros: user + system, rssBytes: rss, heapUsedBytes: heapUsed }
}

function send(message: ServerMessage): void {
  process.send?.(message)
}

const spec = parseSpec(process.env[SPEC_ENV])
const server = await startServer(spec.framework, spec.app)
let stopping = false

async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await server.close()
  // A normal exit, so that `--cpu-prof` writes its profile.
  process.exit(0)
}

process.on('message', (message: unknown) => {
  if (!isRunnerMessage(message)) return
  if (message.type === 'stop') void stop()
  else send({ type: 'sample', sample: sample(message.gc) })
})
process.on('disconnect', () => void stop())
send({ type: 'ready', port: server.port })
