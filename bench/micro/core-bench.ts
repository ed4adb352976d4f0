import { httpError } from '@status-errors/core'
import {
  classifyError,
  createStatusErrors,
  negotiateFormat,
  type RequestInfo,
} from '@status-errors/core/adapter'
import { Bench } from 'tinybench'
import { BROWSER_ACCEPT } from '../scenarios.js'
import { THROWN_VALUES } from './thrown-values.js'

export interface MicroResult {
  readonly group: 'classify' | 'render' | 'negotiate'
  readonly name: string
  readonly nanosPerOp: number
  readonly opsPerSecond: number
  /** Relative margin of error of the mean, in percent. */
  readonly rme: number
}

const ACCEPT_BY_FORMAT = {
  json: 'application/json',
  problem: 'application/problem+json',
  html: BROWSER_ACCEPT,
  text: 'text/plain',
} as const

/** Core alone, without HTTP: classification per kind of thrown value, rendering per format, negotiation. */
export async function runCoreBench(timeMs: number): Promise<MicroResult[]> {
  const engine = createStatusErrors({ onError: () => {} })
  const results: MicroResult[] = []

  const classify = new Bench({ time: timeMs })
  for (const { kind, value } of THROWN_VALUES) classify.add(kind, () => classifyError(value, engine.options))
  results.push(...(await collect('classify', classify)))

  const render = new Bench({ time: timeMs })
  const withDetail = httpError(404, 'No user with this id.')
  const plain = new Error()
  for (const [format, accept] of Object.entries(ACCEPT_BY_FORMAT)) {
    const request: RequestInfo = { method: 'GET', path: '/users/1', accept }
    // A detail makes every response unique, so this renders each time.
    render.add(`${format}: 404 with detail (rendered)`, () => engine.respondToError(withDetail, request))
    // Responses without detail are rendered once and reused.
    render.add(`${format}: 500 (prepared)`, () => engine.respondToError(plain, request))
  }
  results.push(...(await collect('render', render)))

  const negotiate = new Bench({ time: timeMs })
  const distinct = Array.from(
    { length: 1000 },
    (_, i) => `text/html;q=0.${String(i).padStart(3, '0')}, application/json`,
  )
  let next = 0
  negotiate.add('no Accept', () => negotiateFormat(undefined))
  negotiate.add('browser Accept (cached)', () => negotiateFormat(BROWSER_ACCEPT))
  negotiate.add('1,000 distinct headers (cache of 256 misses)', () => {
    next = (next + 1) % distinct.length
    return negotiateFormat(distinct[next])
  })
  results.push(...(await collect('negotiate', negotiate)))
  return results
}

async function collect(group: MicroResult['group'], bench: Bench): Promise<MicroResult[]> {
  await bench.run()
  return bench.tasks.map((task) => {
    const result = task.result
    if (result.state !== 'completed') throw new Error(`${group}/${task.name}: ${result.state}`)
    return {
      group,
      name: task.name,
      nanosPerOp: result.latency.mean * 1e6,
      opsPerSecond: 1000 / result.latency.mean,
      rme: result.latency.rme,
    }
  })
}
