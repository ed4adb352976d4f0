/**
 * The README's three quick starts, run as printed: each code block is written to a temporary file
 * in examples/ (where express, koa, fastify and @koa/router resolve; @status-errors/* come from the
 * root tsconfig's `paths`), started with the repository's tsx on a free port, and asked
 * `GET /users/7` over a raw socket. The answer must be the README's "What comes back" block byte
 * for byte, apart from the Date, Connection and Keep-Alive header lines.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { codeBlocks, readmeSection } from './readme-sections.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const tsconfig = join(root, 'tsconfig.json')

/** The port the README's quick starts listen on; each run gets a free one instead. */
const README_PORT = '3000'
/** Header lines that differ per run or per client, and so are not compared. */
const VARYING_HEADERS = new Set(['date', 'connection', 'keep-alive'])
const STARTUP_TIMEOUT_MS = 15_000

const FRAMEWORKS = ['express', 'koa', 'fastify'] as const

/** Temporary files and children of this run, removed and stopped even when a test fails. */
const tempFiles = new Set<string>()
const children = new Set<ChildProcess>()

function cleanUp(): void {
  for (const child of children) stopChild(child)
  for (const file of tempFiles) rmSync(file, { force: true })
  tempFiles.clear()
}
// The worker may exit without running afterAll (a crash, a timeout): leave nothing behind.
process.once('exit', cleanUp)
afterAll(cleanUp)

/** The quick start whose code imports the adapter of `framework`. */
function quickStart(framework: string): string {
  const blocks = codeBlocks(readmeSection(readme, 'Quick start'), 'ts').filter((code) =>
    code.includes(`from '@status-errors/${framework}'`),
  )
  if (blocks.length !== 1) {
    throw new Error(
      `README's Quick start has ${blocks.length} ts blocks importing @status-errors/${framework}`,
    )
  }
  return blocks[0] as string
}

/** "What comes back" as it goes over the wire: CRLF after each header line, then the body. */
function expectedAnswer(): string {
  const [block] = codeBlocks(readmeSection(readme, 'What comes back'), 'http')
  if (block === undefined) throw new Error('README\'s "What comes back" has no http block')
  const text = block.replace(/\n$/, '')
  const split = text.indexOf('\n\n')
  if (split === -1) throw new Error('"What comes back" lacks the blank line between headers and body')
  return `${text.slice(0, split).split('\n').join('\r\n')}\r\n\r\n${text.slice(split + 2)}`
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** Starts the file with tsx in a process group of its own; resolves once `readyText` is printed. */
function start(file: string, readyText: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(tsx, ['--tsconfig', tsconfig, file], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${readyText}" within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)),
      STARTUP_TIMEOUT_MS,
    )
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes(readyText)) {
        clearTimeout(timer)
        resolve({ child, output: () => output })
      }
    }
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`exited (${code ?? signal}) before printing "${readyText}":\n${output}`))
    })
  })
}

/** tsx runs the script in a child of its own: signal the whole group, by the leader's id. */
function stopChild(child: ChildProcess): void {
  children.delete(child)
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** The raw response to `GET /users/7`, without the header lines that vary per run. */
function getUser7(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.setTimeout(5000, () => socket.destroy(new Error('no complete response within 5 s')))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('latin1')
      const end = raw.indexOf('\r\n\r\n')
      if (end === -1) return reject(new Error(`incomplete response: ${JSON.stringify(raw)}`))
      const head = raw
        .slice(0, end)
        .split('\r\n')
        .filter((line) => !VARYING_HEADERS.has(line.slice(0, line.indexOf(':')).toLowerCase()))
      resolve(`${head.join('\r\n')}\r\n\r\n${raw.slice(end + 4)}`)
    })
    socket.write(`GET /users/7 HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`)
  })
}

describe('README quick starts, run as printed', () => {
  it.each(FRAMEWORKS)(
    '%s answers GET /users/7 with the bytes of "What comes back"',
    async (framework) => {
      const code = quickStart(framework)
      expect(code, 'the quick start listens on port 3000').toContain(README_PORT)
      const port = await freePort()
      const file = join(root, 'examples', `.quickstart-${framework}-${process.pid}.ts`)
      tempFiles.add(file)
      writeFileSync(file, code.replaceAll(README_PORT, String(port)))
      let running: Awaited<ReturnType<typeof start>> | undefined
      try {
        running = await start(file, `http://localhost:${port}`)
        const answer = await getUser7(port)
        expect(answer, `the ${framework} quick start's answer; its output:\n${running.output()}`).toBe(
          expectedAnswer(),
        )
      } finally {
        // Also a child that never printed its line: it may still be starting.
        for (const child of children) stopChild(child)
        rmSync(file, { force: true })
        tempFiles.delete(file)
      }
    },
    25_000,
  )
})
