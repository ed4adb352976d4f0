// The conformance suite installs both majors of each framework under aliases (express4, express5 …).
// Express and Koa ship their types separately, for the newest major only; both majors are driven
// through those types here (their middleware signatures are the same).
declare module 'express4' {
  import express from 'express'
  export default express
}
declare module 'express5' {
  import express from 'express'
  export default express
}
declare module 'express5-router22' {
  import express from 'express'
  export default express
}
declare module 'koa2' {
  import Koa from 'koa'
  export default Koa
}
declare module 'koa3' {
  import Koa from 'koa'
  export default Koa
}
declare module 'koa-router13' {
  import { Router } from '@koa/router'
  export default Router
}
declare module 'fastify-swagger8' {
  import swagger from '@fastify/swagger'
  export default swagger
}
declare module 'fastify-swagger9' {
  import swagger from '@fastify/swagger'
  export default swagger
}
