// `checkoutpage-openapi/sandbox`: a local, stateful fake of the Checkout Page API for integration
// tests, driven by the bundled spec. Kept apart from the client entry so the client stays small.
export { createSandbox } from './sandbox.ts';
export type { Sandbox, SandboxOptions } from './sandbox.ts';
export type { SandboxServer } from './server.ts';
export type { RateLimit } from './rate-limit.ts';
export type { Delivery, WebhookEnvelope } from './webhooks.ts';
