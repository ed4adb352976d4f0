import { CATCH_ALL_PROBE_PATH } from '@status-errors/core'
import type { RouterLayer } from './router-shapes.js'

/** Layers live as long as their router: each is probed once. */
const probed = new WeakMap<RouterLayer, boolean>()

/**
 * Whether a layer is a root catch-all (`router.options('/{*rest}', cors())`, an SPA
 * `router.get('/{*rest}')`): such a layer matches every path, so counting its methods would turn
 * every unknown path into a 405.
 */
export function isRootCatchAll(layer: RouterLayer): boolean {
  let answer = probed.get(layer)
  if (answer === undefined) {
    answer = matchesPath(layer, CATCH_ALL_PROBE_PATH)
    probed.set(layer, answer)
  }
  return answer
}

function matchesPath(layer: RouterLayer, path: string): boolean {
  const match: unknown = Reflect.get(layer, 'match')
  if (typeof match !== 'function') return false
  try {
    return Reflect.apply(match, layer, [path]) === true
  } catch {
    // A layer without a usable pattern (`router.get('')`) matches nothing, the probe included.
    return false
  }
}
