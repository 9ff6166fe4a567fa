import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach } from 'vitest';

afterEach(cleanup);

// Property tests explore new random cases on every local run; CI replays a fixed seed so a submission is judged
// on the same cases every time. FC_SEED=<n> replays a failure a local run printed.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261126' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
