import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createStatusErrors } from '../status-errors.js'

let server: Server | undefined

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

/** A plain Node server whose only route waits `routeMs` and answers, watched by status-errors. */
async function serve(timeout: { body?: number; handler?: number }, routeMs: number) {
  const engine = createStatusErrors({ timeout })
  const seen: { signal?: AbortSignal | undefined; lateWriteError?: unknown; reported: number[] } = {
    reported: [],
  }
  server = createServer((req, res) => {
    const request = { method: req.method ?? 'GET', path: req.url ?? '/', accept: undefined }
    seen.signal = engine.watchTimeouts(req, res, request, (handled) => seen.reported.push(handled.status))
    req.resume()
    setTimeout(() => {
      try {
        res.setHeader('content-type', 'text/plain')
        res.end('late')
      } catch (error) {
        seen.lateWriteError = error
      }
    }, routeMs)
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen }
}

describe('watchTimeouts', () => {
  it('answers a slow route with 503, aborts its signal, and makes the late write harmless', async () => {
    const { url, seen } = await serve({ handler: 50 }, 200)
    const response = await fetch(url)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await response.text()).toContain('"status":503')
    expect(seen.signal?.aborted).toBe(true)
    expect((seen.signal?.reason as DOMException | undefined)?.name).toBe('TimeoutError')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(seen.lateWriteError).toBeUndefined()
    expect(seen.reported).toEqual([503])
  })

  it('leaves a route that answers in time alone and never fires later', async () => {
    const { url, seen } = await serve({ handler: 100 }, 10)
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('late')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(seen.signal?.aborted).toBe(false)
    expect(seen.reported).toEqual([])
  })

  it('needs no signal without a handler timeout', async () => {
    const { url, seen } = await serve({ body: 100 }, 10)
    expect((await fetch(url)).status).toBe(200)
    expect(seen.signal).toBeUndefined()
  })
})

describe('shedding with a handler timeout', () => {
  it('bounds unfinished responses: a timeout answer frees the slot while the ignoring route still runs', async () => {
    // Timeouts answer 504 here, so they cannot be mistaken for the shedding's 503.
    const engine = createStatusErrors({
      timeout: { handler: 50, handlerStatus: 504 },
      shed: { maxInFlight: 1 },
    })
    let routesRunning = 0
    server = createServer((req, res) => {
      const request = { method: 'GET', path: req.url ?? '/', accept: undefined }
      const refusal = engine.admit(request, res)
      if (refusal !== undefined) {
        res.statusCode = refusal.status
        res.end()
        return
      }
      engine.watchTimeouts(req, res, request, () => undefined)
      req.resume()
      routesRunning++
      // A route that ignores its signal: it keeps running for 300 ms after its timeout answer.
      setTimeout(() => {
        routesRunning--
        res.end('late')
      }, 350)
    })
    const listening = server
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`
    const first = fetch(url)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect((await fetch(url)).status).toBe(503)
    expect((await first).status).toBe(504)
    // The first response is finished (its timeout answered): the slot is free again, and a second
    // route starts while the first, ignoring its signal, still runs. This is what is documented.
    expect((await fetch(url)).status).toBe(504)
    expect(routesRunning).toBe(2)
  })
})
