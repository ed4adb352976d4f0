import { afterEach } from 'vitest'
import type { RunningApp } from '../conformance/harness.js'

const running: RunningApp[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()))
})

/** Keeps a started app until the end of the current test, then closes it; returns its port. */
export function closeAfterTest(app: RunningApp): number {
  running.push(app)
  return app.port
}
