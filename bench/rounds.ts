import { runLoad } from './load.js'
import { assertSameBytes, wireAnswer } from './same-bytes-check.js'
import type { Group, Target } from './scenarios.js'
import { type ServerProcess, startServerProcessPatiently } from './server-process.js'
import { serverKey } from './servers/spec.js'

export interface RoundSettings {
  readonly rounds: number
  /** Length of one measurement. */
  readonly seconds: number
  /** Load applied to every target once before the first round. */
  readonly warmupSeconds: number
  readonly cpuProfileDir: string | undefined
}

/** One target in one round. */
export interface Measurement {
  readonly requestsPerSecond: number
  /** Server CPU time (user + system, whole process) per response, in microseconds. */
  readonly cpuMicrosPerRequest: number
  readonly responses: number
  readonly failures: number
}

/** What one request to the target looked like, checked before measuring. */
export interface Probe {
  readonly status: number
  readonly contentType: string
  readonly bodyBytes: number
}

export interface GroupRun {
  readonly group: Group
  readonly probes: Readonly<Record<string, Probe>>
  /** Per target id, one measurement per round. */
  readonly rounds: Readonly<Record<string, readonly Measurement[]>>
  /** Per target id, the RSS of its server process after the last round. */
  readonly rssBytes: Readonly<Record<string, number>>
}

/**
 * Starts the group's server processes, checks one response of each target, warms them up, then
 * measures all targets round after round in the order `roundOrder` gives, so that drift of the
 * machine cancels out of the per-round ratios and no target keeps one place in the round.
 */
export async function runGroup(
  group: Group,
  settings: RoundSettings,
  log: (line: string) => void,
): Promise<GroupRun> {
  const servers = await startServers(group.targets, settings.cpuProfileDir, log)
  try {
    const serverOf = (target: Target): ServerProcess => {
      const server = servers.get(serverKey(target.server))
      if (server === undefined) throw new Error(`no server for ${target.id}`)
      return server
    }
    const probes: Record<string, Probe> = {}
    for (const target of group.targets) probes[target.id] = await probe(serverOf(target).port, target)
    await checkSameBytes(group, serverOf)
    if (settings.warmupSeconds > 0) {
      for (const target of group.targets)
        await runLoad(serverOf(target).port, target.request, settings.warmupSeconds)
    }
    const rounds: Record<string, Measurement[]> = Object.fromEntries(
      group.targets.map((target) => [target.id, []]),
    )
    for (let round = 0; round < settings.rounds; round++) {
      const order = roundOrder(group.targets, round)
      for (const target of order) {
        rounds[target.id]?.push(await measure(serverOf(target), target, settings.seconds))
      }
      log(
        `  ${group.framework}/${group.name}: round ${round + 1}/${settings.rounds} ${summarizeRound(rounds, round)}`,
      )
    }
    const rssBytes: Record<string, number> = {}
    for (const target of group.targets) rssBytes[target.id] = (await serverOf(target).sample()).rssBytes
    return { group, probes, rounds, rssBytes }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()))
  }
}

/** A same-bytes floor that drifted from status-errors' answer would measure something else: stop. */
async function checkSameBytes(group: Group, serverOf: (target: Target) => ServerProcess): Promise<void> {
  for (const comparison of group.comparisons.filter((c) => c.sameBytes === true)) {
    const a = group.targets.find((target) => target.id === comparison.a)
    const b = group.targets.find((target) => target.id === comparison.b)
    if (a === undefined || b === undefined) throw new Error(`${comparison.name}: unknown target`)
    const [wireA, wireB] = [
      await wireAnswer(serverOf(a).port, a.request),
      await wireAnswer(serverOf(b).port, b.request),
    ]
    assertSameBytes(`${group.framework} ${comparison.name}`, wireA, wireB)
  }
}

async function startServers(
  targets: readonly Target[],
  cpuProfileDir: string | undefined,
  log: (line: string) => void,
): Promise<Map<string, ServerProcess>> {
  const servers = new Map<string, ServerProcess>()
  try {
    for (const { server } of targets) {
      const key = serverKey(server)
      if (!servers.has(key))
        servers.set(key, await startServerProcessPatiently(server, { cpuProfileDir }, log))
    }
  } catch (error) {
    await Promise.all([...servers.values()].map((server) => server.stop()))
    throw error
  }
  return servers
}

/** One measurement of a running server: throughput, and its own CPU time per response. */
export async function measure(server: ServerProcess, target: Target, seconds: number): Promise<Measurement> {
  const before = await server.sample()
  const load = await runLoad(server.port, target.request, seconds)
  const after = await server.sample()
  return {
    requestsPerSecond: load.requestsPerSecond,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / Math.max(load.responses, 1),
    responses: load.responses,
    failures: load.failures,
  }
}

/** One request, so that a wrong status or format stops the run instead of skewing it. */
async function probe(port: number, target: Target): Promise<Probe> {
  const { method, path, headers, status, contentType } = target.request
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { ...headers } })
  const body = await response.arrayBuffer()
  const type = response.headers.get('content-type') ?? ''
  const where = `${serverKey(target.server)} ${method} ${path}`
  if (response.status !== status) throw new Error(`${where}: expected ${status}, got ${response.status}`)
  if (contentType !== undefined && !type.startsWith(contentType)) {
    throw new Error(`${where}: expected ${contentType}, got ${type}`)
  }
  return { status: response.status, contentType: type, bodyBytes: body.byteLength }
}

function summarizeRound(rounds: Readonly<Record<string, readonly Measurement[]>>, round: number): string {
  return Object.entries(rounds)
    .map(([id, measurements]) => `${id} ${Math.round(measurements[round]?.requestsPerSecond ?? 0)}/s`)
    .join(', ')
}

/**
 * The order of the targets in a round: forward, then backward (A B C, C B A), so a steady drift
 * hits every target alike; and every second round the list turns by one (B C A, A C B, C A B,
 * B A C), so that over rounds each target takes each place, not always the middle one. A target
 * measured right after another (at the turn of A B C, C B A) or in the middle is not favoured.
 */
export function roundOrder<T>(targets: readonly T[], round: number): readonly T[] {
  const shift = Math.floor(round / 2) % targets.length
  const turned = [...targets.slice(shift), ...targets.slice(0, shift)]
  return round % 2 === 0 ? turned : turned.reverse()
}
