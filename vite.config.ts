import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentSecurityPolicy } from './scripts/content-security-policy.ts';
import { mcpWithoutAjv } from './scripts/mcp-without-ajv.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), mcpWithoutAjv()],
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/mock/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/lib/**/*.test.ts'],
    restoreMocks: true,
    setupFiles: ['src/test-setup.ts'],
  },
});
