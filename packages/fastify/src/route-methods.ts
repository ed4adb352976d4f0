import type { RouteMethods } from '@status-errors/core'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { watchAppMethods } from './app-methods.js'
import { findPathMethods } from './path-methods.js'

/** Core's view of the routes for a request no route answered. */
export type RouteMethodsOf = (request: FastifyRequest, path: string) => RouteMethods

/** Starts watching the app's routes; call it while the plugin registers, before the app is ready. */
export function watchRouteMethods(fastify: FastifyInstance): RouteMethodsOf {
  const appMethods = watchAppMethods(fastify)
  return (request, path) => ({
    pathMethods: findPathMethods(fastify, request, path, appMethods.list()),
    appMethods: appMethods.set,
  })
}
