// Lint rules that keep the architecture honest (docs/ARCHITECTURE.md, "Three processes, one contract").
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const nodeBuiltinRules = nodeBuiltins.map((name) => ({ name, message: 'This runtime has no Node built-ins.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', '.rapport-dev/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltinRules, { name: 'react', message: 'shared/ is runtime-neutral.' }],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the repo.' }],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'core stands alone.' }],
        },
      ],
    },
  },
  {
    // Main talks to core over the process boundary (a utilityProcess), never by importing it, and
    // knows nothing of the window's code: it speaks the contract in shared/.
    files: ['electron/main/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/electron/core/**', '../core/**', '**/renderer/**', '**/test/**'], message: 'Main reaches core only over IPC and knows only shared/.' }],
        },
      ],
    },
  },
  {
    // The sandboxed preload can only require 'electron': it bundles shared/ names, nothing else.
    files: ['electron/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinRules,
          patterns: [{ group: ['**/electron/core/**', '../core/**', '**/electron/main/**', '../main/**', '**/renderer/**', '**/test/**'], message: 'The preload exposes the contract and nothing else.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltinRules],
          patterns: [{ group: ['**/electron/**', '**/test/**'], message: 'The renderer talks to core only through window.rapport.' }],
        },
      ],
    },
  },
  {
    // Renderer tests render against a real core on a temp folder (test/renderer/coreApi.ts):
    // they and their helpers may start core and read its database; production code above may not.
    files: ['renderer/**/*.test.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
);
