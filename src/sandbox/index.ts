// `checkoutpage-openapi/sandbox`: a local, stateful fake of the Checkout Page API for integration
// tests, driven by the bundled spec. Kept apart from the client entry so the client stays small.
export { createSandbox } from './sandbox.js';
export type { Sandbox, SandboxOptions } from './sandbox.js';
export type { SandboxServer } from './server.js';
export type { RateLimit } from './rate-limit.js';
export type { Delivery, WebhookEnvelope } from './deliveries.js';
export type { SeedPreset } from './seed/index.js';
