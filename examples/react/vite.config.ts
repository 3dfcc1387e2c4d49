import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// /api goes to the Entraide server (same origin for the browser, so no CORS).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
