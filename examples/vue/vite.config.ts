import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // Tell Vue's template compiler that <entraide-*> tags are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('entraide-') } },
    }),
  ],
  // /api goes to the Entraide server (same origin for the browser, so no CORS).
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
