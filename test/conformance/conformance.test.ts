import { allCases } from './cases/index.js'
import { defineConformanceSuite, type KnownGap } from './define-conformance-suite.js'
import { expressHarnesses } from './harnesses/express.js'
import { fastifyHarnesses } from './harnesses/fastify.js'
import { koaHarnesses } from './harnesses/koa.js'

/** Every case the adapters cannot run, with the reason. */
const KNOWN_GAPS: readonly KnownGap[] = []

defineConformanceSuite([...expressHarnesses, ...koaHarnesses, ...fastifyHarnesses], allCases, KNOWN_GAPS)
