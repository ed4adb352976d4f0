import { listen } from '../conformance/harnesses/express.js'
import { closeAfterTest } from './running-apps.js'

/** Starts an Express app for one test; it is closed after the test. */
export async function serve(app: Parameters<typeof listen>[0]): Promise<number> {
  return closeAfterTest(await listen(app))
}
