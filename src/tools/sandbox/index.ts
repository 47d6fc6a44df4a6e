export { runInSandbox, SANDBOX_PAGE, type SandboxRunner, type SandboxRunOptions, type SandboxRunResult } from './sandbox-host';
