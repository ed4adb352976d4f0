/** Messages between the benchmark runner and a server process (Node IPC, JSON-serialised). */

/** Counters the server process reads about itself. */
export interface ProcessSample {
  /** User + system CPU time of the whole process, in microseconds (`process.cpuUsage()`). */
  readonly cpuMicros: number
  readonly rssBytes: number
  readonly heapUsedBytes: number
}

export type RunnerMessage =
  /** `gc`: collect garbage first (the process runs with `--expose-gc`), for memory readings. */
  { readonly type: 'sample'; readonly gc: boolean } | { readonly type: 'stop' }

export type ServerMessage =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'sample'; readonly sample: ProcessSample }

export function isRunnerMessage(value: unknown): value is RunnerMessage {
  const type = typeOf(value)
  return type === 'stop' || (type === 'sample' && typeof Reflect.get(Object(value), 'gc') === 'boolean')
}

export function isServerMessage(value: unknown): value is ServerMessage {
  const type = typeOf(value)
  if (type === 'ready') return typeof Reflect.get(Object(value), 'port') === 'number'
  return type === 'sample' && typeof Reflect.get(Object(value), 'sample') === 'object'
}

function typeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, 'type') : undefined
}
