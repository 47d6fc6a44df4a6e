export { runInSandbox, type SandboxRunner, type SandboxRunOptions, type SandboxRunResult } from './sandbox-host';
export { SANDBOX_CSP } from './sandbox-srcdoc';
