import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isServerMessage, type ProcessSample, type ServerMessage } from './servers/protocol.js'
import { type ServerSpec, SPEC_ENV, serverKey } from './servers/spec.js'

const CHILD_ENTRY = fileURLToPath(new URL('./servers/child.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000
const START_ATTEMPTS = 4
const RETRY_DELAY_MS = 15_000

export interface ProcessOptions {
  /** Run with `--expose-gc`, so that samples can collect garbage first. */
  readonly exposeGc?: boolean
  /** Write a `--cpu-prof` profile of the process into this directory when it stops. */
  readonly cpuProfileDir?: string | undefined
  /**
   * Run Node under valgrind's callgrind, which counts the instructions the process executes
   * (bench/instructions/): its dumps go to `<file>.1`, `.2` …, its messages to `<file>.log`, and
   * its control pipes to the same folder.
   */
  readonly callgrindOutFile?: string | undefined
  /** Run with `--perf-basic-prof`: V8 writes the address and name of compiled JavaScript to `/tmp/perf-<pid>.map`. */
  readonly perfMap?: boolean
  /**
   * Run with `--trace-opt --trace-deopt`, V8's trace going to this file: which functions the JIT
   * optimises, deoptimises or gives up on, as it happens (bench/survey/).
   */
  readonly jitTraceFile?: string | undefined
  /** How long the server may take to start and to stop; callgrind runs Node hundreds of times slower. */
  readonly timeoutMs?: number
}

/** A benchmark server running in a child process of its own. */
export interface ServerProcess {
  readonly spec: ServerSpec
  readonly pid: number
  readonly port: number
  /** CPU time and memory, read inside the server process. */
  sample(gc?: boolean): Promise<ProcessSample>
  stop(): Promise<void>
}

/** Every child still running, killed if the runner exits early, so no server outlives a run. */
const live = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

/**
 * Starts one server variant in its own Node process (TypeScript through tsx, NODE_ENV=production).
 * Logs of the variants that log go to /dev/null; other stderr output is kept for error messages.
 */
export async function startServerProcess(
  spec: ServerSpec,
  options: ProcessOptions = {},
): Promise<ServerProcess> {
  const execArgv = ['--import', 'tsx']
  if (options.exposeGc === true) execArgv.push('--expose-gc')
  // V8 keeps a log beside the map, by default as isolate-*.log files in the repository: it goes to
  // stdout instead, which the runner ignores.
  if (options.perfMap === true) execArgv.push('--perf-basic-prof', '--logfile=-', '--no-logfile-per-isolate')
  if (options.jitTraceFile !== undefined) {
    execArgv.push(
      '--trace-opt',
      '--trace-deopt',
      '--redirect-code-traces',
      `--redirect-code-traces-to=${options.jitTraceFile}`,
    )
  }
  if (options.cpuProfileDir !== undefined) {
    // One folder per server: the main thread and tsx's loader thread each write a profile, and Node
    // names them by thread (`CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile`, thread 0 the server).
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${join(options.cpuProfileDir, serverKey(spec))}`)
  }
  const logs = spec.app === 'native' || spec.app === 'status-errors-log'
  const { callgrindOutFile } = options
  const child = fork(CHILD_ENTRY, [], {
    cwd: REPO_ROOT,
    // Under callgrind, valgrind starts Node itself with the same arguments; the IPC channel passes through.
    ...(callgrindOutFile === undefined
      ? { execArgv }
      : {
          execPath: 'valgrind',
          execArgv: [...callgrindArgs(callgrindOutFile), process.execPath, ...execArgv],
        }),
    env: { ...process.env, NODE_ENV: 'production', [SPEC_ENV]: JSON.stringify(spec) },
    stdio: ['ignore', 'ignore', logs ? 'ignore' : 'pipe', 'ipc'],
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const messages = messageQueue(child, () => `${serverKey(spec)} exited early. ${stderr}`)
  const ready = await messages.next(options.timeoutMs ?? START_TIMEOUT_MS).catch((error: unknown) => {
    // A server that did not start in time must not run on beside the retry.
    child.kill('SIGKILL')
    throw error
  })
  if (ready.type !== 'ready') {
    child.kill('SIGKILL')
    throw new Error(`${serverKey(spec)}: expected "ready", got ${ready.type}`)
  }

  return {
    spec,
    pid: child.pid ?? 0,
    port: ready.port,
    async sample(gc = false) {
      child.send({ type: 'sample', gc })
      const reply = await messages.next(START_TIMEOUT_MS)
      if (reply.type !== 'sample') throw new Error(`${serverKey(spec)}: expected a sample`)
      return reply.sample
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send({ type: 'stop' })
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    },
  }
}

/**
 * `--smc-check=all-non-file` (valgrind's default on x86-64, named so that no other default applies):
 * V8 writes and rewrites machine code at run time, which valgrind must then translate again.
 */
function callgrindArgs(outFile: string): string[] {
  return [
    '--tool=callgrind',
    '--smc-check=all-non-file',
    `--callgrind-out-file=${outFile}`,
    `--log-file=${outFile}.log`,
    `--vgdb-prefix=${callgrindControlPrefix(outFile)}`,
  ]
}

/** Where valgrind keeps the pipes `callgrind_control` talks through: beside the counts, not in /tmp. */
export function callgrindControlPrefix(outFile: string): string {
  return `${outFile}.vgdb`
}

/**
 * Starts a server, trying again a few times: the packages may be mid-edit when a long run reaches
 * a group (a half-saved file fails to import), and one failed start should not cost the whole run.
 */
export async function startServerProcessPatiently(
  spec: ServerSpec,
  options: ProcessOptions,
  log: (line: string) => void,
): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerProcess(spec, options)
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error
      log(
        `  ${serverKey(spec)} failed to start (${String(error).split('\n')[0]}); retrying in ${RETRY_DELAY_MS / 1000} s`,
      )
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS))
    }
  }
}

interface MessageQueue {
  next(timeoutMs: number): Promise<ServerMessage>
}

/** Messages in arrival order; the runner waits for one answer at a time. */
function messageQueue(child: ChildProcess, describeExit: () => string): MessageQueue {
  const arrived: ServerMessage[] = []
  const waiting: { resolve(message: ServerMessage): void; reject(error: Error): void }[] = []
  let exited = false
  child.on('message', (message: unknown) => {
    if (!isServerMessage(message)) return
    const waiter = waiting.shift()
    if (waiter === undefined) arrived.push(message)
    else waiter.resolve(message)
  })
  child.once('exit', () => {
    exited = true
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(describeExit()))
  })
  return {
    next(timeoutMs) {
      const message = arrived.shift()
      if (message !== undefined) return Promise.resolve(message)
      if (exited) return Promise.reject(new Error(describeExit()))
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
        waiting.push({
          resolve: (value) => {
            clearTimeout(timer)
            resolve(value)
          },
          reject: (error) => {
            clearTimeout(timer)
            reject(error)
          },
        })
      })
    },
  }
}
