/**
 * `pnpm bench`: HTTP benchmarks of status-errors against native and hand-written error handling on
 * Express 5, Koa 3 and Fastify 5, a memory check, and micro-benchmarks of core. See bench/README.md.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unbuiltPackages } from './built-packages.js'
import { parseBenchOptions } from './cli.js'
import { compareAll } from './compare.js'
import { CONNECTIONS, PIPELINING } from './load.js'
import { describeMachine } from './machine.js'
import { type MemoryResult, runMemory } from './memory.js'
import { type MicroResult, runCoreBench } from './micro/core-bench.js'
import { type HostileResult, runHostileAccept } from './micro/hostile-accept.js'
import { comparisonTable, hostileTable, memoryTable, microTable } from './report.js'
import { type GroupRun, runGroup } from './rounds.js'
import { groupsFor } from './scenarios.js'
import { describeSources } from './sources.js'

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url))

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

const options = parseBenchOptions(process.argv.slice(2))
const unbuilt = unbuiltPackages()
if (unbuilt !== undefined) {
  log(`status-errors bench: ${unbuilt}`)
  process.exit(1)
}
const machine = describeMachine()
const sources = await describeSources()
const rounds = Math.max(1, Math.round(options.rounds))
log(
  `status-errors bench${options.smoke ? ' (smoke)' : ''}: ${options.pairs} fresh process pairs × ${rounds} rounds of ${options.seconds} s, ` +
    `warm-up ${options.warmupSeconds} s, ${CONNECTIONS} connections, pipelining ${PIPELINING}; ` +
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
)

let micro: MicroResult[] = []
let hostile: HostileResult[] = []
if (options.microTimeMs !== undefined) {
  log('core micro-benchmarks …')
  hostile = runHostileAccept(options.smoke ? 3 : 15)
  micro = await runCoreBench(options.microTimeMs)
}

// Each group runs in `pairs` fresh sets of server processes, one after the other: a process that
// starts in a slow mode (an unlucky JIT decision) then shows as one pair far from the others.
const runsByGroup: GroupRun[][] = []
for (const framework of options.frameworks) {
  for (const group of groupsFor(framework).filter((g) => options.groups.some((name) => name === g.name))) {
    const pairs: GroupRun[] = []
    for (let pair = 0; pair < options.pairs; pair++) {
      if (options.pairs > 1) log(`${framework}/${group.name}: pair ${pair + 1}/${options.pairs}`)
      pairs.push(
        await runGroup(
          group,
          {
            rounds,
            seconds: options.seconds,
            warmupSeconds: options.warmupSeconds,
            cpuProfileDir: profileDirOf(group.name, pair),
          },
          log,
        ),
      )
    }
    runsByGroup.push(pairs)
  }
}
/** Profiles go to DIR/<group>[-<pair>]/<server>/: the same server runs in several groups and pairs. */
function profileDirOf(groupName: string, pair: number): string | undefined {
  if (options.cpuProfileDir === undefined) return undefined
  return join(options.cpuProfileDir, options.pairs > 1 ? `${groupName}-${pair + 1}` : groupName)
}

const runs = runsByGroup.flat()
const comparisons = compareAll(runsByGroup)

const memory: MemoryResult[] = []
if (options.memory !== undefined) {
  for (const framework of options.frameworks) {
    log(`memory: ${framework}, ${options.memory.late} error responses …`)
    memory.push(await runMemory(framework, options.memory))
  }
}

const sections = [
  `## HTTP (${options.pairs} fresh process pairs × ${rounds} rounds; pooled median of the per-round ratios, each pair's median, A/A = noise floor)\n\n${comparisonTable(comparisons)}`,
  memory.length > 0 ? `## Memory\n\n${memoryTable(memory)}` : '',
  micro.length > 0 ? `## Core micro-benchmarks\n\n${microTable(micro)}` : '',
  hostile.length > 0 ? `## Hostile Accept headers\n\n${hostileTable(hostile)}` : '',
]
console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, ${machine.date}\n` +
    `Sources: commit ${sources.commit}, packages/*/src hash ${sources.packagesHash}\n`,
)
console.log(sections.filter((section) => section !== '').join('\n\n'))

if (options.write) {
  const settings = {
    pairs: options.pairs,
    rounds,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
  }
  await mkdir(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true })
  const json = {
    machine,
    settings,
    comparisons,
    memory,
    micro,
    hostileAccept: hostile,
    runs: runs.map(toRawRun),
  }
  await writeFile(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`)
  log(`wrote ${RESULTS_FILE}`)
} else {
  log('bench/results/latest.json not written (smoke, filtered or profiling run)')
}

/** The raw per-round measurements, so that a result can be recomputed or re-judged later. */
function toRawRun(run: GroupRun) {
  return {
    framework: run.group.framework,
    group: run.group.name,
    probes: run.probes,
    rounds: run.rounds,
    rssBytes: run.rssBytes,
  }
}
