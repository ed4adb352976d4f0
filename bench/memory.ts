import type autocannon from 'autocannon'
import { runAmount } from './load.js'
import { startServerProcess } from './server-process.js'
import { type Framework, ROUTES } from './servers/spec.js'

/** The goal: RSS after the long run stays within this much of RSS after the short one. */
export const RSS_GROWTH_LIMIT_BYTES = 5 * 1024 * 1024

export interface MemorySettings {
  /** Error responses before the first reading (20,000). */
  readonly early: number
  /** Error responses before the second reading (200,000). */
  readonly late: number
}

export interface MemoryResult {
  readonly framework: Framework
  readonly early: number
  readonly late: number
  readonly rssEarlyBytes: number
  readonly rssLateBytes: number
  readonly heapEarlyBytes: number
  readonly heapLateBytes: number
  readonly rssGrowthBytes: number
  readonly met: boolean
  readonly failures: number
}

/**
 * Sends error responses to a status-errors server (no-op `onError`) and compares its RSS after
 * `early` and after `late` of them, each read after two forced garbage collections. The workload
 * mixes every error path and varies what could feed a cache: unmatched paths are all different
 * and Accept headers take 1,000 values (the negotiation cache keeps 256).
 */
export async function runMemory(framework: Framework, settings: MemorySettings): Promise<MemoryResult> {
  const server = await startServerProcess(
    { framework, app: 'status-errors', instance: 1 },
    { exposeGc: true },
  )
  try {
    const next = errorWorkload()
    let failures = await runAmount(server.port, settings.early, next)
    const early = await server.sample(true)
    failures += await runAmount(server.port, settings.late - settings.early, next)
    const late = await server.sample(true)
    const rssGrowthBytes = late.rssBytes - early.rssBytes
    return {
      framework,
      early: settings.early,
      late: settings.late,
      rssEarlyBytes: early.rssBytes,
      rssLateBytes: late.rssBytes,
      heapEarlyBytes: early.heapUsedBytes,
      heapLateBytes: late.heapUsedBytes,
      rssGrowthBytes,
      met: rssGrowthBytes <= RSS_GROWTH_LIMIT_BYTES,
      failures,
    }
  } finally {
    await server.stop()
  }
}

/** 404 (unmatched), 500 (`new Error()`), 404 (`httpError`), 405, and 404 negotiated to HTML or text. */
function errorWorkload(): () => autocannon.Request {
  let count = 0
  return () => {
    count++
    const accept = `text/html;q=0.${(count % 1000).toString().padStart(3, '0')}, text/plain;q=0.5`
    switch (count % 5) {
      case 0:
        return { method: 'GET', path: `/missing/${count}`, headers: {} }
      case 1:
        return { method: 'GET', path: ROUTES.boom, headers: {} }
      case 2:
        return { method: 'GET', path: ROUTES.httpError, headers: {} }
      case 3:
        return { method: 'POST', path: ROUTES.hello, headers: {} }
      default:
        return { method: 'GET', path: `/missing/${count}`, headers: { accept } }
    }
  }
}
