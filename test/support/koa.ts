import { listen } from '../conformance/harnesses/koa.js'
import { closeAfterTest } from './running-apps.js'

/** Starts a Koa app for one test; it is closed after the test. */
export async function serve(app: Parameters<typeof listen>[0]): Promise<number> {
  return closeAfterTest(await listen(app))
}
