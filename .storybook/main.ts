import type { StorybookConfig } from '@storybook/web-components-vite';

/** Stories run against the emulator that scripts/storybook.mjs starts (ARC_EMULATOR), offline and deterministic. */
const emulator = process.env.ARC_EMULATOR ?? 'http://127.0.0.1:8787';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  previewHead: (head) => `${head}<script>window.__ARC_EMULATOR__ = ${JSON.stringify(emulator)};</script>`,
};

export default config;
