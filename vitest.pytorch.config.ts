import { defineConfig } from 'vitest/config';

// The PyTorch check (`npm run test:pytorch`), kept out of `npm test`: runs the exported PyTorch
// snippets with a real PyTorch (Debian's python3-torch, /usr/bin/python3 or $PYTHON) and compares
// their masks with the app's own evaluation, cell by cell.
export default defineConfig({
  test: {
    name: 'pytorch',
    include: ['tests/pytorch/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
