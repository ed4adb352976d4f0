import { allCases } from './cases/index.js'
import { defineConformanceSuite, type KnownGap } from './define-conformance-suite.js'
import { expressHarnesses } from './harnesses/express.js'
import { fastifyHarnesses } from './harnesses/fastify.js'
import { koaHarnesses } from './harnesses/koa.js'

/** Every case the adapters cannot run, with the reason. */
const KNOWN_GAPS: readonly KnownGap[] = [
  {
    harness: 'express',
    cases: ['a schema validation failure answers 400 with the validation message'],
    reason: 'Express has no built-in schema validation (the case uses the framework route schema)',
  },
  {
    harness: 'koa',
    cases: ['a schema validation failure answers 400 with the validation message'],
    reason:
      'Koa and @koa/router have no built-in schema validation (the case uses the framework route schema)',
  },
  {
    harness: 'express',
    cases: ['OPTIONS on a path of a mounted router answers 204 with Allow'],
    reason:
      'a mounted express.Router answers OPTIONS itself (200, its own Allow format) before the request leaves it, so app-level middleware never sees it',
  },
  {
    harness: 'express',
    cases: ['a thrown null answers 500', 'a thrown undefined answers 500'],
    reason:
      'Express\'s router turns a thrown null or undefined into next(null), which means "no error": the request goes on to the next handler exactly as if the route had passed it on, so status-errors answers 404, as for a route that falls through (a documented limitation)',
  },
  {
    harness: 'express',
    cases: ['a JSON body refused for prototype poisoning answers 400 with its own detail'],
    reason:
      'body-parser does not refuse a __proto__ key: JSON.parse makes it an own property, so the route gets the body',
  },
  {
    harness: 'fastify 5',
    cases: ['a JSON body refused for prototype poisoning answers 400 with its own detail'],
    reason:
      "Fastify 5's JSON parser replaces secure-json-parse's error by FST_ERR_CTP_INVALID_JSON_BODY, so the refusal cannot be told from malformed JSON (it answers 400 with the malformed-JSON detail)",
  },
]

defineConformanceSuite([...expressHarnesses, ...koaHarnesses, ...fastifyHarnesses], allCases, KNOWN_GAPS)
