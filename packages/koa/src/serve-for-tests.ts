import type Koa from 'koa'
import { afterEach } from 'vitest'
import type { RunningApp } from '../../../test/conformance/harness.js'
import { listen } from '../../../test/conformance/harnesses/koa.js'

const running: RunningApp[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()))
})

/** Starts an app for one test; it is closed after the test. Test-only: not part of the package. */
export async function serve(app: Koa): Promise<number> {
  const started = await listen(app)
  running.push(started)
  return started.port
}
