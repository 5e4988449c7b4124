// `checkoutpage-openapi/sandbox`: a local, stateful fake of the Checkout Page API for integration
// tests, driven by the bundled spec. Kept apart from the client entry so the client stays small.
export { createSandbox } from './sandbox.js';
export type { Sandbox, SandboxOptions, StoreTarget } from './sandbox.js';
export type { SandboxServer } from './server.js';
export type { RateLimit } from './rate-limit.js';
export type { Delivery, WebhookEnvelope } from './deliveries.js';
export { ApiError } from './errors.js';
export type { ErrorDetail } from './errors.js';
export type { PurchaseInput, PurchaseResult, PurchaseOutcome } from './purchases/types.js';
export type { ClockAdvance, ClockState } from './purchases/advance.js';
export type { StoreOption } from './sandbox.js';
export type { SeedPreset } from './seed/index.js';
